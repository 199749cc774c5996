import { claim } from '@bigtix/middleware';
import type { Collection, Document } from 'mongodb';

/**
 * Orders whose outcome we have seen (cancelled, expired, paid), one document keyed by order id.
 * A late or redelivered `order.created` for such an order must never hold tickets again:
 * without this, "cancelled, then the stale created" would leave a ticket held forever.
 */
export async function recordOrderClosed(
  closedOrders: Collection<Document>,
  orderId: string,
  outcome: string,
): Promise<void> {
  await claim(closedOrders, orderId, { outcome, at: new Date() });
}

export async function isOrderClosed(closedOrders: Collection<Document>, orderId: string): Promise<boolean> {
  return (await closedOrders.findOne({ _id: orderId as unknown as Document['_id'] })) !== null;
}
