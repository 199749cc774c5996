import type { TicketInput } from '@bigtix/common';
import type { TicketDoc } from '../models/ticket';
import { soldCopyOf } from './settle-serial-copies';
import { TicketView, toTicketDto } from './ticket-views';
import { ticketUpdated } from '../events/publishers/ticket-events';
import type { TicketsDeps } from '../deps';

/**
 * A seller who delisted a ticket and lists the same serial again gets that ticket back
 * (`withdrawn → available`, with the new title/price/description) instead of a 409: the serial
 * stays unique and buyers' links to the listing keep working. Null when it is not theirs or not
 * withdrawn, or when the serial has been sold at this event by another listing (the sale settled
 * it; see settle-serial-copies.ts).
 */
export async function relistWithdrawnTicket(
  c: TicketsDeps,
  sellerId: string,
  input: TicketInput,
): Promise<TicketView | null> {
  const existing = (await c.tickets
    .findOne({ eventId: input.eventId, sellerId, serialNumber: input.serialNumber })
    .lean()) as TicketDoc | null;
  if (!existing) return null;
  const mineAndWithdrawn = (t: TicketDoc) => t.status === 'withdrawn' && t.userId === sellerId;
  if (!mineAndWithdrawn(existing) || (await soldCopyOf(c, existing))) return null;
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
        updatedAt: new Date(c.now()),
      },
      events: ticketUpdated,
    };
  });
  if (!stored || stored.status !== 'available' || stored.userId !== sellerId) return null;
  return toTicketDto(stored, sellerId);
}
