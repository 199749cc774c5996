import type { ListingDoc } from '../../models/listing';
import type { TicketDoc } from '../../models/ticket';

/** The section a ticket listed by `POST /api/tickets/create` is shown in (it names no seat). */
export const SINGLE_TICKET_SECTION = 'General admission';

/** A ticket from `POST /api/tickets/create` is a one-seat listing whose id is the ticket's. */
export function asSingleSeat(doc: TicketDoc): TicketDoc {
  return {
    ...doc,
    listingId: doc._id,
    section: SINGLE_TICKET_SECTION,
    row: null,
    seat: null,
    position: 0,
    splits: 'any',
  };
}

/**
 * The one-seat listing a ticket from `POST /api/tickets/create` is shown as. Not stored: it is
 * derived from the ticket when read (storing one per ticket doubled the cost of a bulk listing).
 */
export function singleSeatListing(t: TicketDoc): ListingDoc {
  return {
    _id: t._id,
    sellerId: t.sellerId,
    eventId: t.eventId,
    externalRef: null,
    section: SINGLE_TICKET_SECTION,
    row: null,
    seats: null,
    quantity: 1,
    price: t.price,
    currency: t.currency,
    faceValue: null,
    splits: 'any',
    inHandDate: null,
    delivery: 'mobile_transfer',
    disclosures: [],
    notes: [t.title, t.description].filter(Boolean).join(' — '),
    status: 'active',
    ticketIds: [t._id],
    version: 1,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

/** Whether the ticket is its own one-seat listing. */
export const isSingleSeat = (t: TicketDoc): boolean => t.listingId === t._id;
