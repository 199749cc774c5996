import { BadRequestError } from '@bigtix/common';
import { Payment, statusOfIntent, toPaymentDto } from '../models/payment';
import { advancePayment } from './advance-payment';
import { cancelPayment } from './cancel-open-payments';
import type { PaymentsDeps } from '../deps';
import { PaymentDeclinedError } from './errors';
import { intentIdempotencyKey } from '../models/keys';

/**
 * Creates and confirms the attempt's PaymentIntent and records what Stripe answered. A decline is
 * recorded and thrown as 402; a Stripe refusal of the request as 400; an outage leaves the attempt
 * `pending` so the next call resumes it with the same idempotency key (never a second charge).
 */
export async function confirmAttempt(deps: PaymentsDeps, payment: Payment): Promise<Payment> {
  const result = await deps.gateway.createAndConfirm({
    amount: payment.amount,
    currency: payment.currency,
    confirmationTokenId: payment.confirmationTokenId,
    orderId: payment.orderId,
    paymentId: payment._id,
    attempt: payment.attempt,
    idempotencyKey: intentIdempotencyKey(payment),
  });

  if (result.kind === 'created') {
    const { intent } = result;
    const stored = await advancePayment(deps.payments.store, payment._id, {
      status: statusOfIntent(intent.status),
      paymentIntentId: intent.id,
      clientSecret: intent.clientSecret,
      failureMessage: intent.failureMessage,
    });
    const current = stored ?? payment;
    await cancelIfOrderGone(deps, current);
    return (await deps.payments.store.findById(payment._id)) ?? current;
  }

  const failed = await advancePayment(deps.payments.store, payment._id, {
    status: 'failed',
    paymentIntentId: result.intent?.id ?? null,
    failureMessage: result.message,
  });
  const dto = toPaymentDto(failed ?? payment);
  if (result.kind === 'declined') throw new PaymentDeclinedError(result.message, { payment: dto });
  const field =
    result.param === 'confirmation_token' ? 'confirmationTokenId' : result.param === 'amount' ? 'amount' : undefined;
  throw new BadRequestError(result.message, [{ message: result.message, ...(field ? { field } : {}) }]);
}

/**
 * The order may have been cancelled or expired while Stripe was answering: order.cancelled found
 * no PaymentIntent to cancel then, so cancel it here. (A success is left alone: orders decides,
 * and refunds come back as order.payment-rejected.)
 */
async function cancelIfOrderGone(deps: PaymentsDeps, payment: Payment): Promise<void> {
  if (payment.status !== 'requires_action' && payment.status !== 'processing') return;
  const order = await deps.orders.findById(payment.orderId);
  if (order && (order.status === 'cancelled' || order.status === 'expired')) await cancelPayment(deps, payment);
}
