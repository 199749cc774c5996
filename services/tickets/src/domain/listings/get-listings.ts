import { ListingDto, ListQuery, Page } from '@bigtix/common';
import { decodeCursor, toPage } from '@bigtix/middleware';
import type { ListingDoc } from '../../models/listing';
import type { TicketDoc } from '../../models/ticket';
import type { TicketsDeps } from '../../deps';
import { toListingDto } from './listing-views';
import { isSingleSeat, singleSeatListing } from './single-seat-listing';
import { listingNotFound } from './update-listing';

const ticketsOf = (c: TicketsDeps, listingId: string) => c.tickets.find({ listingId }).lean<TicketDoc[]>();

/** `GET /api/listings/:id` (and the answer of every listing write). */
export async function getListing(c: TicketsDeps, id: string, viewerId: string | null): Promise<ListingDto> {
  if (!/^[0-9a-f]{24}$/.test(id)) throw listingNotFound(id);
  const doc = await c.listingStore.findById(id);
  if (doc) return toListingDto(doc, await ticketsOf(c, id), viewerId, c.fees);
  // A ticket listed on its own is a one-seat listing with the ticket's id.
  const ticket = await c.store.findById(id);
  if (!ticket || !isSingleSeat(ticket)) throw listingNotFound(id);
  return toListingDto(singleSeatListing(ticket), [ticket], viewerId, c.fees);
}

export async function listingView(c: TicketsDeps, doc: ListingDoc, viewerId: string | null): Promise<ListingDto> {
  return toListingDto(doc, await ticketsOf(c, doc._id), viewerId, c.fees);
}

/**
 * `GET /api/listings/mine[?eventId=]`: the caller's listings, every status, newest first, each
 * with what is still available (the seller's view: `bigtix listings`). Keyset by (createdAt, id).
 */
export async function listOwnListings(
  c: TicketsDeps,
  sellerId: string,
  eventId: string | undefined,
  q: ListQuery,
): Promise<Page<ListingDto>> {
  const after = decodeCursor(q.cursor, 2);
  const filter = eventId ? { sellerId, eventId } : { sellerId };
  const docs = (await c.listingDocs.find(filter).lean<ListingDoc[]>())
    .map((d) => ({ d, key: [new Date(d.createdAt).getTime(), d._id] as [number, string] }))
    .sort((a, b) => b.key[0] - a.key[0] || (a.key[1] < b.key[1] ? 1 : -1))
    .filter(
      ({ key }) => !after || key[0] < Number(after[0]) || (key[0] === Number(after[0]) && key[1] < String(after[1])),
    )
    .slice(0, q.limit + 1);
  const views = await Promise.all(docs.map(async ({ d, key }) => ({ key, view: await listingView(c, d, sellerId) })));
  return toPage(
    views,
    q.limit,
    (r) => r.key,
    (r) => r.view,
  );
}
