import type { OrderStatus } from '@bigtix/common';
import type { OrdersDeps } from '../deps';
import { OrderDoc, canMove, rankOf } from '../models/order';
import { orderEventFor } from '../events/publishers/order-events';

/** What a move sets besides the status and rank; null when, for this order, it is no move after all. */
export type MoveFields = (current: OrderDoc) => Partial<Omit<OrderDoc, '_id' | 'version' | 'status' | 'rank'>> | null;

/**
 * The one place an order's status changes. A versioned change (claim `<id>@<v+1>`) carrying the
 * order's one event for its new version, so the payments replica never waits for a gap. A move
 * the table in models/order.ts does not allow (to the status it has, or out of a final one) is
 * refused by changing nothing, whoever asks: a duplicate payment event, a cancel that lost to an
 * expiry. Returns the stored order, changed or not; null if it does not exist.
 */
export async function advanceOrder(
  deps: OrdersDeps,
  orderId: string,
  to: OrderStatus,
  fields: MoveFields = () => ({}),
): Promise<OrderDoc | null> {
  return deps.orders.change(orderId, (current) => {
    if (!canMove(current.status, to)) return null;
    const extra = fields(current);
    if (!extra) return null;
    const { version: _v, ...rest } = current;
    return {
      next: { ...rest, ...extra, status: to, rank: rankOf(to) },
      events: (next: OrderDoc) => [orderEventFor(next)],
    };
  });
}
