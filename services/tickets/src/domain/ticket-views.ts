import { CURRENCY, TicketDto } from '@bigtix/common';
import type { TicketDoc } from '../models/ticket';

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
