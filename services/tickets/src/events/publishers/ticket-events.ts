import type { Envelope, TicketEventData } from '@bigtix/common';
import { makeEnvelope } from '@bigtix/middleware';
import { SOURCE } from '../../deps';
import { listingRefOf } from '../../domain/listings/listing-ref';
import type { TicketDoc } from '../../models/ticket';

/** `ticket.created` / `ticket.updated` data: the whole ticket minus its serial. */
export function toEventData(doc: TicketDoc): TicketEventData {
  return {
    id: doc._id,
    title: doc.title,
    price: doc.price,
    currency: doc.currency,
    eventId: doc.eventId,
    userId: doc.userId,
    status: doc.status,
    orderId: doc.orderId ?? null,
    ...(doc.withdrawRequested ? { withdrawRequested: true } : {}),
    ...(doc.listingId ? { listing: listingRefOf(doc) } : {}),
    ...(doc.withdrawnReason && (doc.status === 'withdrawn' || doc.withdrawRequested)
      ? { withdrawnReason: doc.withdrawnReason }
      : {}),
    version: doc.version,
  };
}

export const ticketCreated = (doc: TicketDoc): Envelope[] => [
  makeEnvelope('ticket.created', doc.version, SOURCE, toEventData(doc)),
];
export const ticketUpdated = (doc: TicketDoc): Envelope[] => [
  makeEnvelope('ticket.updated', doc.version, SOURCE, toEventData(doc)),
];
