import { CURRENCY, TicketDto, TicketEventData } from '@bigtix/common';
import { makeEnvelope } from '@bigtix/middleware';
import type { Envelope } from '@bigtix/common';
import type { TicketDoc } from '../models/ticket';
import { SOURCE } from '../deps';
import { listingRefOf } from './listings/listing-ref';

/** The contract's ticket plus the original seller, which stays put when the owner changes on sale. */
export type TicketView = TicketDto & { sellerId: string };

/**
 * The serial is private: only the ticket's current owner sees it. Who bought a ticket is private
 * too: a sold ticket names its seller as `userId` to everyone but its buyer.
 */
export function toTicketDto(doc: TicketDoc, viewerId: string | null | undefined): TicketView {
  return {
    id: doc._id,
    title: doc.title,
    price: doc.price,
    currency: CURRENCY,
    description: doc.description,
    eventId: doc.eventId,
    userId: doc.status === 'sold' && viewerId !== doc.userId ? doc.sellerId : doc.userId,
    sellerId: doc.sellerId,
    status: doc.status,
    // Only on a withdrawn listing: a held one marked for withdrawal may still be sold.
    ...(doc.withdrawnReason && doc.status === 'withdrawn' ? { withdrawnReason: doc.withdrawnReason } : {}),
    version: doc.version,
    createdAt: new Date(doc.createdAt).toISOString(),
    ...(doc.listingId
      ? { listingId: doc.listingId, section: doc.section ?? null, row: doc.row ?? null, seat: doc.seat ?? null }
      : {}),
    ...(viewerId && viewerId === doc.userId ? { serialNumber: doc.serialNumber } : {}),
  };
}

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
