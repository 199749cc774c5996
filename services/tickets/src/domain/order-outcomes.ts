import { claim } from '@bigtix/middleware';
import type { Collection } from 'mongodb';
import { paidOrderKey } from '../models/keys';

export type ClosedOutcome = 'paid' | 'cancelled' | 'expired';

/** One order outcome seen (`closed_orders`). */
export interface ClosedOrderDoc {
  _id: string;
  outcome: ClosedOutcome;
  at: Date;
}

/**
 * Orders whose outcome we have seen, one document keyed by order id for cancelled/expired and
 * one keyed `<orderId>:paid` for paid (an expired order can still be paid by a late payment, so
 * both can exist; paid wins). A late or redelivered `order.created` for a closed order must
 * never hold tickets again: without this, "cancelled, then the stale created" would leave a
 * ticket held forever.
 */
export async function recordOrderClosed(
  closedOrders: Collection<ClosedOrderDoc>,
  orderId: string,
  outcome: ClosedOutcome,
): Promise<void> {
  await claim(closedOrders, outcome === 'paid' ? paidOrderKey(orderId) : orderId, { outcome, at: new Date() });
}

/** How the order ended, as far as this service has heard, or null while it is open. */
export async function closedOutcome(
  closedOrders: Collection<ClosedOrderDoc>,
  orderId: string,
): Promise<ClosedOutcome | null> {
  const byId = (id: string) => closedOrders.findOne({ _id: id });
  if (await byId(paidOrderKey(orderId))) return 'paid';
  const closed = await byId(orderId);
  return closed ? closed.outcome : null;
}
