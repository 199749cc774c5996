import { BadRequestError, ConflictError, ForbiddenError, TicketInput } from '@bigtix/common';
import { unlistableReason } from './check-listable-event';
import { newTicketDoc } from './new-ticket';
import { relistWithdrawnTicket } from './relist-withdrawn-ticket';
import { TicketView, toTicketDto } from './ticket-views';
import { ticketCreated } from '../events/publishers/ticket-events';
import type { TicketsDeps } from '../deps';

export function assertSellerIsCaller(userId: string | undefined, callerId: string): void {
  if (userId !== undefined && userId !== callerId) {
    throw new ForbiddenError('userId must be your own user id: tickets are always listed by the signed-in seller');
  }
}

export async function createTicket(c: TicketsDeps, sellerId: string, input: TicketInput): Promise<TicketView> {
  assertSellerIsCaller(input.userId, sellerId);
  const reason = unlistableReason(input.eventId, await c.events.get(input.eventId));
  if (reason)
    throw new BadRequestError(`Cannot list a ticket: ${reason}`, [{ field: 'eventId', message: `eventId: ${reason}` }]);

  const doc = newTicketDoc(input, sellerId, new Date(c.now()));
  const [result] = await c.store.createMany([doc], ticketCreated);
  if (!result.ok) {
    const relisted = await relistWithdrawnTicket(c, sellerId, input);
    if (relisted) return relisted;
    // Only the caller's own listings can collide (the unique key is per seller), so this answer says
    // nothing about what other sellers hold.
    throw new ConflictError(`You already listed serial number "${input.serialNumber}" for event ${input.eventId}`);
  }
  return toTicketDto(doc, sellerId);
}
