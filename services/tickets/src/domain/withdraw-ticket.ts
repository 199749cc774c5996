import { assertEditable, ticketNotFound } from './edit-guard';
import { TicketView, toTicketDto } from './ticket-views';
import { ticketUpdated } from '../events/publishers/ticket-events';
import type { TicketsDeps } from '../deps';

/** Delists a ticket (status `withdrawn`). Delisting twice is a no-op that answers the same ticket. */
export async function withdrawTicket(c: TicketsDeps, callerId: string, id: string): Promise<TicketView> {
  const stored = await c.store.change(id, (current) => {
    assertEditable(current, callerId, 'delist');
    if (current.status === 'withdrawn') return null;
    return { next: { ...current, status: 'withdrawn', updatedAt: new Date(c.now()) }, events: ticketUpdated };
  });
  if (!stored) throw ticketNotFound(id);
  return toTicketDto(stored, callerId);
}
