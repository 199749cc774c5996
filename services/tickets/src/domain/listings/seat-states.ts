import type { ListingDoc } from '../../models/listing';
import type { TicketDoc } from '../../models/ticket';
import type { TicketsDeps } from '../../deps';
import type { SeatState } from './listing-views';

/**
 * The seats of these listings that changed since they were created (held, sold, withdrawn,
 * re-priced: every change is a new version), by ticket id. One `$in` read for a whole batch that
 * returns only changed seats: a re-sent file of 10,000 untouched seats reads none of them.
 * (`sellerId` narrows the read where `$in` is not served by an index: a FerretDB without the
 * dev database's `$in` pushdown, tools/dev-db/ferretdb-patches.)
 */
export async function changedSeatsOf(
  c: TicketsDeps,
  sellerId: string,
  listingIds: string[],
): Promise<Map<string, TicketDoc>> {
  if (listingIds.length === 0) return new Map();
  const changed = await c.tickets
    .find({ sellerId, listingId: { $in: listingIds }, version: { $ne: 1 } })
    .lean<TicketDoc[]>();
  return new Map(changed.map((t) => [t._id, t]));
}

/**
 * Each seat of the listing as its view needs it: a seat still at version 1 is exactly as the
 * listing created it (available, at the listing's price), any other is what `changed` holds.
 */
export function seatStatesOf(listing: ListingDoc, changed: Map<string, TicketDoc>): SeatState[] {
  return listing.ticketIds.map(
    (id) => changed.get(id) ?? { _id: id, status: 'available', price: listing.price, withdrawRequested: false },
  );
}
