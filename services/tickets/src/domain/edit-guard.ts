import { ConflictError, ForbiddenError, NotFoundError } from '@bigtix/common';
import type { TicketDoc } from '../models/ticket';

/** Sellers may change a listing only while nobody is buying it. */
export function assertEditable(doc: TicketDoc, callerId: string, action: string): void {
  // The original seller of a sold ticket is told it is sold (409), not that it is not theirs.
  if (doc.userId !== callerId && doc.sellerId !== callerId)
    throw new ForbiddenError(`Only the ticket's owner can ${action} it`);
  if (doc.status === 'held')
    throw new ConflictError(
      `Ticket is held by an order and cannot be ${action === 'edit' ? 'edited' : 'delisted'} now`,
      { status: doc.status },
    );
  if (doc.status === 'sold')
    throw new ConflictError(`Ticket is sold and cannot be ${action === 'edit' ? 'edited' : 'delisted'}`, {
      status: doc.status,
    });
}

export const ticketNotFound = (id: string) => new NotFoundError(`No ticket with id ${id}`);
