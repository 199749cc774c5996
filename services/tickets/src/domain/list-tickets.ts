import { BadRequestError, ListQuery, Page, TicketStatus } from '@bigtix/common';
import { decodeCursor, toPage } from '@bigtix/middleware';
import type { QueryFilter } from 'mongoose';
import type { TicketDoc } from '../models/ticket';
import { TicketView, toTicketDto } from './ticket-views';
import type { TicketsDeps } from '../deps';

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

/** A list order: the sort field, its direction, and how its value goes into and out of a cursor. */
interface ListOrder {
  name: string;
  field: 'createdAt' | 'price';
  direction: 1 | -1;
  keyOf: (d: TicketDoc) => number;
  valueOf: (key: number) => Date | number;
}

const NEWEST: ListOrder = {
  name: 'newest',
  field: 'createdAt',
  direction: -1,
  keyOf: (d) => new Date(d.createdAt).getTime(),
  valueOf: (key) => new Date(key),
};

const CHEAPEST: ListOrder = {
  name: 'price',
  field: 'price',
  direction: 1,
  keyOf: (d) => d.price,
  valueOf: (key) => key,
};

/** Rows from the listing cache when the list is a shared one (an event's), else from the database. */
function fetchRows(c: TicketsDeps, cacheKey: string | null, load: () => Promise<TicketDoc[]>): Promise<TicketDoc[]> {
  return cacheKey && c.listings ? c.listings.get(cacheKey, load) : load();
}

/**
 * Keyset pagination: the cursor is the last item's sort key plus its id, so inserting tickets
 * between two page requests never repeats or skips an item already ordered before the cursor.
 */
async function keysetPage(
  c: TicketsDeps,
  filter: QueryFilter<TicketDoc>,
  order: ListOrder,
  q: ListQuery,
  viewerId: string | null,
  cacheKey: string | null = null,
): Promise<Page<TicketView>> {
  const after = cursorKey(q.cursor);
  const beyond = order.direction === 1 ? '$gt' : '$lt';
  const query: QueryFilter<TicketDoc> = after
    ? ({
        ...filter,
        $or: [
          { [order.field]: { [beyond]: order.valueOf(after[0]) } },
          { [order.field]: order.valueOf(after[0]), _id: { [beyond]: String(after[1]) } },
        ],
      } as QueryFilter<TicketDoc>)
    : filter;
  const rows = await fetchRows(
    c,
    cacheKey && `${cacheKey}:${order.name}:${q.limit}:${q.cursor ?? ''}`,
    async () =>
      await c.tickets
        .find(query)
        .sort({ [order.field]: order.direction, _id: order.direction })
        .limit(q.limit + 1)
        .lean<TicketDoc[]>(),
  );
  return toPage(
    rows,
    q.limit,
    (d) => [order.keyOf(d), d._id],
    (d) => toTicketDto(d, viewerId),
  );
}

/** `GET /api/tickets`: available tickets, newest first. */
export function listAvailableTickets(c: TicketsDeps, q: ListQuery, viewerId: string | null): Promise<Page<TicketView>> {
  return keysetPage(c, { status: 'available' }, NEWEST, q, viewerId);
}

/** `GET /api/tickets/event/:eventId`: available tickets for one event, newest or cheapest first. */
export function listEventTickets(
  c: TicketsDeps,
  eventId: string,
  sort: 'price' | 'newest',
  q: ListQuery,
  viewerId: string | null,
): Promise<Page<TicketView>> {
  const filter = { eventId, status: 'available' as const };
  // Rows are cached, not views: whether a serial shows is still decided per viewer.
  const cacheKey = `event:${eventId}`;
  return sort === 'price'
    ? keysetPage(c, filter, CHEAPEST, q, viewerId, cacheKey)
    : keysetPage(c, filter, NEWEST, q, viewerId, cacheKey);
}

/**
 * `GET /api/tickets/user/:userId`: by default the listings that user sells (every status, so a
 * seller sees what sold); `role=owner` lists the tickets the user owns now (what they bought).
 */
export function listUserTickets(
  c: TicketsDeps,
  userId: string,
  role: 'seller' | 'owner',
  status: TicketStatus | undefined,
  q: ListQuery,
  viewerId: string | null,
): Promise<Page<TicketView>> {
  const filter: QueryFilter<TicketDoc> = role === 'owner' ? { userId } : { sellerId: userId };
  if (status) filter.status = status;
  return keysetPage(c, filter, NEWEST, q, viewerId);
}
