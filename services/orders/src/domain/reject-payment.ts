import { claim, outboxFields } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import { paymentRejectedEvent } from '../events/publishers/order-events';

/**
 * Tells payments to refund money the order could not accept. Keyed by the PaymentIntent id, and
 * the record is its own outbox entry: one refund request per PaymentIntent, however often the
 * success event is delivered.
 */
export async function rejectPayment(
  deps: OrdersDeps,
  orderId: string,
  paymentIntentId: string,
  amount: number,
  reason: string,
): Promise<boolean> {
  const won = await claim(deps.rejections, paymentIntentId, {
    orderId,
    reason,
    ...outboxFields([paymentRejectedEvent(orderId, paymentIntentId, amount, reason)], new Date(deps.now())),
  });
  deps.nudgeOutbox();
  return won;
}
