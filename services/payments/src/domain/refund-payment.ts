import { findPaymentByIntent } from '../models/payment';
import { advancePayment } from './advance-payment';
import type { PaymentsDeps } from '../deps';

/**
 * Orders could not accept money that arrived (the order expired and its tickets went to someone
 * else, or it was cancelled): give it back. The refund's idempotency key is the PaymentIntent,
 * so redelivered events refund once.
 */
export async function refundPayment(deps: PaymentsDeps, paymentIntentId: string, reason: string): Promise<void> {
  const payment = await findPaymentByIntent(deps.payments.docs, paymentIntentId);
  if (payment?.status === 'refunded') return;
  const refund = await deps.gateway.refund(paymentIntentId, reason);
  deps.logger.info(
    { paymentIntentId, orderId: payment?.orderId, refundId: refund.refundId, reason },
    'payment refunded',
  );
  if (!payment) {
    deps.logger.warn({ paymentIntentId }, 'refunded a PaymentIntent with no payment record');
    return;
  }
  await advancePayment(deps.payments.store, payment._id, {
    status: 'refunded',
    paymentIntentId,
    refundId: refund.refundId,
    failureMessage: `Refunded: ${reason}`,
  });
}
