import { BadRequestError, ListQuery, Page, TicketStatus } from '@bigtix/common';
import { decodeCursor, toPage } from '@bigtix/middleware';
import type { QueryFilter } from 'mongoose';
import type { TicketDoc } from '../models/ticket';
import { TicketView, toTicketDto } from './ticket-views';
import type { TicketsContext } from './tickets-context';

/** A cursor is opaque to clients, but a forged one must be a 400, not a cast error (500). */
function cursorKey(cursor: string | undefined): [number, string] | null {
  const after = decodeCursor(cursor, 2);
  if (!after) return null;
  const [key, id] = after;
  if (typeof key !== 'number' || !Number.isFinite(key) || typeof id !== 'string') {
    throw new BadRequestError('Invalid cursor', [{ message: 'cursor is not valid', field: 'cursor' }]);
  }
  return [key, id];
}

/**
 * Keyset pagination: the cursor is the last item's sort key plus its id, so inserting tickets
 * between two page requests never repeats or skips an item already ordered before the cursor.
 */
/** Rows from the listing cache when the list is a shared one (an event's), else from the database. */
function fetchRows(c: TicketsContext, cacheKey: string | null, load: () => Promise<TicketDoc[]>): Promise<TicketDoc[]> {
  return cacheKey && c.listings ? c.listings.get(cacheKey, load) : load();
}

async function newestFirst(
  c: TicketsContext,
  filter: QueryFilter<TicketDoc>,
  q: ListQuery,
  viewerId: string | null,
  cacheKey: string | null = null,
): Promise<Page<TicketView>> {
  const after = cursorKey(q.cursor);
  const query: QueryFilter<TicketDoc> = after
    ? {
        ...filter,
        $or: [
          { createdAt: { $lt: new Date(Number(after[0])) } },
          { createdAt: new Date(Number(after[0])), _id: { $lt: String(after[1]) } },
        ],
      }
    : filter;
  const rows = await fetchRows(
    c,
    cacheKey && `${cacheKey}:newest:${q.limit}:${q.cursor ?? ''}`,
    async () =>
      (await c.tickets
        .find(query)
        .sort({ createdAt: -1, _id: -1 })
        .limit(q.limit + 1)
        .lean()) as unknown as TicketDoc[],
  );
  return toPage(
    rows,
    q.limit,
    (d) => [new Date(d.createdAt).getTime(), d._id],
    (d) => toTicketDto(d, viewerId),
  );
}

async function cheapestFirst(
  c: TicketsContext,
  filter: QueryFilter<TicketDoc>,
  q: ListQuery,
  viewerId: string | null,
  cacheKey: string | null = null,
): Promise<Page<TicketView>> {
  const after = cursorKey(q.cursor);
  const query: QueryFilter<TicketDoc> = after
    ? {
        ...filter,
        $or: [{ price: { $gt: Number(after[0]) } }, { price: Number(after[0]), _id: { $gt: String(after[1]) } }],
      }
    : filter;
  const rows = await fetchRows(
    c,
    cacheKey && `${cacheKey}:price:${q.limit}:${q.cursor ?? ''}`,
    async () =>
      (await c.tickets
        .find(query)
        .sort({ price: 1, _id: 1 })
        .limit(q.limit + 1)
        .lean()) as unknown as TicketDoc[],
  );
  return toPage(
    rows,
    q.limit,
    (d) => [d.price, d._id],
    (d) => toTicketDto(d, viewerId),
  );
}

/** `GET /api/tickets`: available tickets, newest first. */
export function listAvailableTickets(
  c: TicketsContext,
  q: ListQuery,
  viewerId: string | null,
): Promise<Page<TicketView>> {
  return newestFirst(c, { status: 'available' }, q, viewerId);
}

/** `GET /api/tickets/event/:eventId`: available tickets for one event, newest or cheapest first. */
export function listEventTickets(
  c: TicketsContext,
  eventId: string,
  sort: 'price' | 'newest',
  q: ListQuery,
  viewerId: string | null,
): Promise<Page<TicketView>> {
  const filter = { eventId, status: 'available' as const };
  // Rows are cached, not views: whether a serial shows is still decided per viewer.
  const cacheKey = `event:${eventId}`;
  return sort === 'price'
    ? cheapestFirst(c, filter, q, viewerId, cacheKey)
    : newestFirst(c, filter, q, viewerId, cacheKey);
}

/**
 * `GET /api/tickets/user/:userId`: by default the listings that user sells (every status, so a
 * seller sees what sold); `role=owner` lists the tickets the user owns now (what they bought).
 */
export function listUserTickets(
  c: TicketsContext,
  userId: string,
  role: 'seller' | 'owner',
  status: TicketStatus | undefined,
  q: ListQuery,
  viewerId: string | null,
): Promise<Page<TicketView>> {
  const filter: QueryFilter<TicketDoc> = role === 'owner' ? { userId } : { sellerId: userId };
  if (status) filter.status = status;
  return newestFirst(c, filter, q, viewerId);
}
