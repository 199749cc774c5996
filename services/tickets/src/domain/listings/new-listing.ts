import { createHash } from 'node:crypto';
import { CURRENCY, ListingInput } from '@bigtix/common';
import type { ListingDoc } from '../../models/listing';
import type { TicketDoc } from '../../models/ticket';
import { listingIdFor, seatTicketId } from './listing-ids';

/** A fresh listing at version 1 and its seats' tickets, all derived ids (see listing-ids.ts). */
export function newListing(
  input: ListingInput,
  sellerId: string,
  now: Date,
): { listing: ListingDoc; tickets: TicketDoc[] } {
  const id = listingIdFor(sellerId, input.externalRef ?? null);
  const seats = input.seats ?? null;
  const tickets: TicketDoc[] = input.serials.map((serialNumber, position) => ({
    _id: seatTicketId(id, position),
    title: seatTitle(input.section, input.row ?? null, seats?.[position] ?? null),
    price: input.price,
    currency: CURRENCY,
    description: input.notes,
    serialNumber,
    eventId: input.eventId,
    userId: sellerId,
    sellerId,
    status: 'available',
    orderId: null,
    listingId: id,
    section: input.section,
    row: input.row ?? null,
    seat: seats?.[position] ?? null,
    position,
    splits: input.splits,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
  const listing: ListingDoc = {
    _id: id,
    sellerId,
    eventId: input.eventId,
    externalRef: input.externalRef ?? null,
    section: input.section,
    row: input.row ?? null,
    seats,
    quantity: input.quantity,
    price: input.price,
    currency: CURRENCY,
    faceValue: input.faceValue,
    splits: input.splits,
    inHandDate: input.inHandDate,
    delivery: input.delivery,
    disclosures: input.disclosures,
    notes: input.notes,
    status: 'active',
    ticketIds: tickets.map((t) => t._id),
    serialsDigest: serialsDigest(input.serials),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return { listing, tickets };
}

/** What an order line and a ticket page call the seat. */
export function seatTitle(section: string, row: string | null, seat: string | null): string {
  return [`Section ${section}`, row ? `Row ${row}` : '', seat ? `Seat ${seat}` : 'General admission']
    .filter(Boolean)
    .join(', ');
}

/** The fields a re-import or `PUT` may change, for comparing an input with what is stored. */
export const MUTABLE_FIELDS = [
  'price',
  'faceValue',
  'splits',
  'inHandDate',
  'delivery',
  'disclosures',
  'notes',
] as const;

/** A digest of the serials in seat order: lets a re-import be compared without reading the tickets. */
export const serialsDigest = (serials: string[]): string =>
  createHash('sha256').update(serials.join('\u0000')).digest('hex');

/** Whether the input names the same seats as the stored listing (those can never change). */
export function sameSeats(stored: ListingDoc, input: ListingInput): boolean {
  return (
    stored.eventId === input.eventId &&
    stored.section === input.section &&
    stored.row === (input.row ?? null) &&
    JSON.stringify(stored.seats) === JSON.stringify(input.seats ?? null) &&
    stored.serialsDigest === serialsDigest(input.serials)
  );
}
