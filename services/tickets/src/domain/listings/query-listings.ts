import { BadRequestError, ListingDto, Page, eventListingsQuerySchema, listQuerySchema } from '@bigtix/common';
import type { z } from 'zod';
import { decodeCursor, toPage } from '@bigtix/middleware';
import type { ListingDoc } from '../../models/listing';
import type { TicketDoc } from '../../models/ticket';
import type { TicketsDeps } from '../../deps';
import { toListingDto } from './listing-views';
import { isSingleSeat, singleSeatListing } from './single-seat-listing';

export const eventListingsQuery = listQuerySchema.extend(eventListingsQuerySchema.shape);
export type EventListingsQuery = z.infer<typeof eventListingsQuery>;

type Key = (string | number)[];
/** Sort keys per order; the id last, so the keyset is total. */
const SORTS: Record<EventListingsQuery['sort'], { keyOf: (l: ListingDto) => Key; desc: boolean }> = {
  price: { keyOf: (l) => [l.allInPrice, l.id], desc: false },
  '-price': { keyOf: (l) => [l.allInPrice, l.id], desc: true },
  section: { keyOf: (l) => [l.section.toLowerCase(), l.allInPrice, l.id], desc: false },
};

function compare(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/**
 * `GET /api/events/:eventId/listings`: the event's listings a buyer can buy from now, those that
 * can sell exactly `quantity` seats under their split rule when it is given (each with the
 * quantities it can sell), filtered by section and all-in `maxPrice`, cheapest first by default.
 * Two equality queries (the event's active listings, its available tickets) and the split rules
 * applied here, with the same pure functions orders holds with. Keyset-paginated: the cursor is
 * the last item's sort key plus its id, so a page never repeats or skips what came before it.
 */
export async function listEventListings(
  c: TicketsDeps,
  eventId: string,
  q: EventListingsQuery,
  viewerId: string | null,
): Promise<Page<ListingDto>> {
  const order = SORTS[q.sort];
  const after = decodeCursor(q.cursor, order.keyOf({ section: '', allInPrice: 0, id: '' } as ListingDto).length);
  if (q.cursor && !after)
    throw new BadRequestError('Invalid cursor', [{ message: 'cursor is not valid', field: 'cursor' }]);

  const [listings, tickets] = await Promise.all([
    c.listingDocs.find({ eventId, status: 'active' }).lean<ListingDoc[]>(),
    c.tickets.find({ eventId, status: 'available' }).lean<TicketDoc[]>(),
  ]);
  const byListing = new Map<string, TicketDoc[]>();
  for (const t of tickets) if (t.listingId) byListing.set(t.listingId, [...(byListing.get(t.listingId) ?? []), t]);

  // Tickets listed one by one (`POST /api/tickets/create`) are one-seat listings of their own.
  const stored = new Set(listings.map((l) => l._id));
  for (const t of tickets) if (isSingleSeat(t) && !stored.has(t._id)) listings.push(singleSeatListing(t));

  const section = q.section?.toLowerCase();
  const rows = listings
    .map((l) => toListingDto(l, byListing.get(l._id) ?? [], viewerId, c.fees))
    .filter(
      (l) =>
        l.available > 0 &&
        (q.quantity === undefined ? l.sellable.length > 0 : l.sellable.includes(q.quantity)) &&
        (section === undefined || l.section.toLowerCase() === section) &&
        (q.maxPrice === undefined || l.allInPrice <= q.maxPrice),
    )
    .sort((a, b) => compare(order.keyOf(a), order.keyOf(b)) * (order.desc ? -1 : 1))
    .filter((l) => !after || compare(order.keyOf(l), after) * (order.desc ? -1 : 1) > 0);
  return toPage(rows.slice(0, q.limit + 1), q.limit, order.keyOf, (l) => l);
}
