import { ConflictError, UpdateTicketInput } from '@bigtix/common';
import { assertEditable, ticketNotFound } from './edit-guard';
import { TicketView, toTicketDto } from './ticket-views';
import { ticketUpdated } from '../events/publishers/ticket-events';
import type { TicketsDeps } from '../deps';

/**
 * Changes title/price/description. Runs through VersionedStore, so an order event arriving at
 * the same instant is decided on the other's result, never overwritten by it.
 */
export async function updateTicket(c: TicketsDeps, callerId: string, input: UpdateTicketInput): Promise<TicketView> {
  const stored = await c.store.change(input.id, (current) => {
    assertEditable(current, callerId, 'edit');
    if (current.status === 'withdrawn')
      throw new ConflictError('Ticket is withdrawn and cannot be edited', { status: current.status });
    const next = {
      ...current,
      title: input.title ?? current.title,
      price: input.price ?? current.price,
      description: input.description ?? current.description,
    };
    if (next.title === current.title && next.price === current.price && next.description === current.description)
      return null;
    return { next: { ...next, updatedAt: new Date(c.now()) }, events: ticketUpdated };
  });
  if (!stored) throw ticketNotFound(input.id);
  return toTicketDto(stored, callerId);
}
