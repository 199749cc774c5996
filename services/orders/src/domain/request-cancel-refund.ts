import { claim, outboxFields } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import { refundRequestedEvent } from '../events/publishers/order-events';
import type { OrderDoc } from '../models/order';

/**
 * A paid order of a cancelled event is owed back in full (price + buyer fee: the order's total).
 * Keyed by the order id, and the record is its own outbox entry: one `order.refund-requested` per
 * order however many deliveries, replicas or rescans reach this. Payments refunds it once
 * (Stripe idempotency key `bigtix-cancel-refund-<orderId>`).
 */
export async function requestCancelRefund(deps: OrdersDeps, order: OrderDoc, eventId: string): Promise<boolean> {
  const event = refundRequestedEvent(order, eventId);
  return claim(deps.eventRefunds, order._id, {
    orderId: order._id,
    eventId,
    amount: order.total,
    currency: order.currency,
    ...outboxFields([event], new Date(deps.now())),
  });
}
