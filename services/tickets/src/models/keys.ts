import type { EventUpdatedData } from '@bigtix/common';

/**
 * The keys the tickets service stores things under, in one place: claim `_id`s (whoever inserts
 * one first wins, see "Concurrency" in docs/ARCHITECTURE.md), the notifier's once-per-fact keys
 * and the shared search cache's. Stored data depends on every format here: never change one.
 * (Versioned changes are keyed `<id>@<version>` by VersionedStore itself; listing and seat ids
 * are derived in domain/listings/listing-ids.ts.)
 */

/** `closed_orders`: a paid order's record (cancelled and expired ones are keyed by the order id itself). */
export const paidOrderKey = (orderId: string): string => `${orderId}:paid`;

/** The buyer's receipt for an order, sent once. */
export const receiptFact = (orderId: string): string => `receipt:${orderId}`;

/** One seller's "your listing sold" for an order, sent once. */
export const soldFact = (orderId: string, sellerId: string): string => `sold:${orderId}:${sellerId}`;

/** One email per user per event state worth telling: a postponement and a later cancellation each send once. */
export const eventNoticeFact = (e: Pick<EventUpdatedData, 'eventId' | 'status' | 'start'>, userId: string): string =>
  `event:${e.eventId}:${e.status}:${e.start ?? 'tba'}:${userId}`;

/** An event search's answer in the shared store (domain/search-guard.ts), by the query's canonical form. */
export const searchCacheKey = (query: string): string => `search:${query}`;
