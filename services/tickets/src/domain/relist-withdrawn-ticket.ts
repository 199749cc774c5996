import type { TicketInput } from '@bigtix/common';
import type { TicketDoc } from '../models/ticket';
import { TicketView, ticketUpdated, toTicketDto } from './ticket-views';
import type { TicketsContext } from './tickets-context';

/**
 * A seller who delisted a ticket and lists the same serial again gets that ticket back
 * (`withdrawn → available`, with the new title/price/description) instead of a 409: the serial
 * stays unique and buyers' links to the listing keep working. Null when it is not theirs or not
 * withdrawn.
 */
export async function relistWithdrawnTicket(
  c: TicketsContext,
  sellerId: string,
  input: TicketInput,
): Promise<TicketView | null> {
  const existing = (await c.tickets
    .findOne({ eventId: input.eventId, serialNumber: input.serialNumber })
    .lean()) as TicketDoc | null;
  if (!existing || existing.sellerId !== sellerId) return null;
  const mineAndWithdrawn = (t: TicketDoc) => t.status === 'withdrawn' && t.userId === sellerId;
  if (!mineAndWithdrawn(existing)) return null;
  const stored = await c.store.change(existing._id, (current) => {
    if (!mineAndWithdrawn(current)) return null;
    return {
      next: {
        ...current,
        title: input.title,
        price: input.price,
        description: input.description ?? '',
        status: 'available',
        orderId: null,
        withdrawnReason: null,
        updatedAt: c.now?.() ?? new Date(),
      },
      events: ticketUpdated,
    };
  });
  if (!stored || stored.status !== 'available' || stored.userId !== sellerId) return null;
  c.nudge();
  return toTicketDto(stored, sellerId);
}
