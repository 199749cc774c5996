import { Payment, listOrderPayments, statusOfIntent } from '../models/payment';
import { advancePayment } from './advance-payment';
import type { PaymentsDeps } from '../deps';

/** PaymentIntents that could still take money: requires_action, processing, or failed (requires_payment_method). */
const CANCELABLE = new Set(['requires_action', 'processing', 'failed']);

/**
 * The order's hold is gone (cancelled or expired): cancel every PaymentIntent of it that could
 * still be completed, so the buyer is not charged for tickets they no longer hold. One that
 * already succeeded is recorded as such (payment.succeeded → orders rejects it → refund).
 */
export async function cancelOpenPayments(deps: PaymentsDeps, orderId: string): Promise<void> {
  const payments = await listOrderPayments(deps.payments.docs, orderId);
  for (const payment of payments) {
    if (payment.paymentIntentId && CANCELABLE.has(payment.status)) await cancelPayment(deps, payment);
  }
}

export async function cancelPayment(deps: PaymentsDeps, payment: Payment): Promise<void> {
  if (!payment.paymentIntentId) return;
  const result = await deps.gateway.cancel(payment.paymentIntentId);
  const status = result.kind === 'canceled' ? 'canceled' : statusOfIntent(result.intent.status);
  await advancePayment(deps.payments.store, payment._id, {
    status,
    paymentIntentId: result.intent.id,
    failureMessage: result.kind === 'canceled' ? 'Canceled: the order is no longer held' : result.intent.failureMessage,
  });
  deps.logger.info(
    { orderId: payment.orderId, paymentIntentId: payment.paymentIntentId, outcome: result.kind, status },
    'payment cancel requested',
  );
}
