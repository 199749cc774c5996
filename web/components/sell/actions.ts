'use server';
import { redirect } from 'next/navigation';
import { parseDollarsToCents, ticketInputSchema, type TicketInput } from '@bigtix/common';
import { ApiError } from '@/lib/api/http';
import { createTicket, createTickets } from '@/lib/api/tickets';

export interface SellState {
  error: string | null;
  /** Problems by row index (0-based), as the buyer typed them. */
  rowErrors: Record<number, string>;
}

/** Lists one ticket (single create) or several (bulk create, all or nothing on invalid rows). */
export async function listTickets(eventId: string, _prev: SellState, form: FormData): Promise<SellState> {
  const titles = form.getAll('title').map(String);
  const prices = form.getAll('price').map(String);
  const serials = form.getAll('serialNumber').map(String);
  const descriptions = form.getAll('description').map(String);
  const rowErrors: Record<number, string> = {};
  const rows: TicketInput[] = [];
  titles.forEach((title, i) => {
    const price = parseDollarsToCents(prices[i] ?? '');
    if (price === null) {
      rowErrors[i] = 'Price must be an amount like 45 or 45.50';
      return;
    }
    const parsed = ticketInputSchema.safeParse({
      title,
      price,
      serialNumber: serials[i] ?? '',
      description: descriptions[i] ?? '',
      eventId,
    });
    if (!parsed.success) rowErrors[i] = parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ');
    else rows.push(parsed.data);
  });
  if (Object.keys(rowErrors).length) return { error: 'Fix the highlighted tickets.', rowErrors };
  if (rows.length === 0) return { error: 'Add at least one ticket.', rowErrors };

  try {
    if (rows.length === 1) {
      await createTicket(rows[0]);
    } else {
      const res = await createTickets(rows);
      const failed = res.results.filter((r) => r.status === 'failed');
      if (failed.length) {
        return {
          error: `${res.created} listed, ${failed.length} not listed.`,
          rowErrors: Object.fromEntries(failed.map((r) => [r.index, r.status === 'failed' ? r.message : ''])),
        };
      }
    }
  } catch (err) {
    if (err instanceof ApiError && err.status === 401)
      redirect(`/auth/signin?next=${encodeURIComponent(`/sell?eventId=${eventId}`)}`);
    if (err instanceof ApiError && err.status < 500) return { error: err.messages.join('. '), rowErrors };
    return { error: 'Listing failed: the tickets service is not answering. Nothing was listed; try again.', rowErrors };
  }
  redirect(`/my/listings?listed=${rows.length}`);
}
