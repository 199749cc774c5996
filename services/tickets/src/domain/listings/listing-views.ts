import { CURRENCY, ListingDto, allInPrice, sellableQuantities } from '@bigtix/common';
import type { ListingDoc } from '../../models/listing';
import type { TicketDoc } from '../../models/ticket';

/** What a listing's view needs of each seat's ticket. */
export type SeatState = Pick<TicketDoc, '_id' | 'status' | 'price' | 'withdrawRequested'>;

/** Positions (seat order) of the listing's seats a buyer can take now. */
export function availablePositions(listing: ListingDoc, tickets: SeatState[]): number[] {
  const ours = new Map(listing.ticketIds.map((id, i) => [id, i]));
  return tickets
    .filter((t) => t.status === 'available' && !t.withdrawRequested && ours.has(t._id))
    .map((t) => ours.get(t._id)!)
    .sort((a, b) => a - b);
}

/**
 * The contract's listing. `available`/`sellable` come from its tickets' statuses (which follow
 * orders' holds); what a buyer pays per ticket is `allInPrice`. The seller also sees their
 * externalRef and the ticket ids.
 */
export function toListingDto(
  doc: ListingDoc,
  tickets: SeatState[],
  viewerId: string | null,
  fees: Parameters<typeof allInPrice>[1],
): ListingDto {
  const positions = doc.status === 'active' ? availablePositions(doc, tickets) : [];
  // Every seat carries the listing's price; a one-seat listing re-priced by `PUT /api/tickets` only on its ticket.
  const price = tickets.find((t) => t.status === 'available')?.price ?? doc.price;
  return {
    id: doc._id,
    eventId: doc.eventId,
    sellerId: doc.sellerId,
    section: doc.section,
    row: doc.row,
    seats: doc.seats,
    quantity: doc.quantity,
    available: positions.length,
    sellable: sellableQuantities(positions, doc.splits, doc.seats !== null),
    price,
    allInPrice: allInPrice(price, fees),
    currency: CURRENCY,
    faceValue: doc.faceValue,
    splits: doc.splits,
    inHandDate: doc.inHandDate,
    delivery: doc.delivery,
    disclosures: doc.disclosures,
    notes: doc.notes,
    status: doc.status,
    version: doc.version,
    createdAt: new Date(doc.createdAt).toISOString(),
    ...(viewerId === doc.sellerId ? { externalRef: doc.externalRef, ticketIds: doc.ticketIds } : {}),
  };
}

/** The tickets of these listings, grouped by listing id (one equality query per listing). */
export async function ticketsOfListings(
  find: (filter: { listingId: string }) => Promise<TicketDoc[]>,
  listingIds: string[],
): Promise<Map<string, TicketDoc[]>> {
  const rows = await Promise.all(listingIds.map((listingId) => find({ listingId })));
  return new Map(listingIds.map((id, i) => [id, rows[i]]));
}
