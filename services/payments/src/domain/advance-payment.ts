import { eventsFor } from '../events/publishers/payment-events';
import { Payment, PaymentStore, StoredPaymentStatus, canMove } from '../models/payment';

export interface PaymentUpdate {
  status: StoredPaymentStatus;
  paymentIntentId?: string | null;
  clientSecret?: string | null;
  failureMessage?: string | null;
  refundId?: string | null;
}

/**
 * The one place a payment changes. Each change is a versioned claim (`<id>@<v>`) that carries the
 * events it causes, so however many times and in whatever order Stripe reports an outcome (the
 * create response, webhooks, their retries), each event is published once. Returns the stored
 * payment, changed or not; null if it does not exist.
 */
export async function advancePayment(
  payments: PaymentStore,
  id: string,
  update: PaymentUpdate,
  now = () => new Date(),
): Promise<Payment | null> {
  return payments.change(id, (current) => {
    // An outcome for another PaymentIntent than the one this attempt made is not ours to apply.
    if (update.paymentIntentId && current.paymentIntentId && update.paymentIntentId !== current.paymentIntentId)
      return null;
    const moves = update.status !== current.status;
    if (moves && !canMove(current.status, update.status)) return null;
    const attachesIntent = !current.paymentIntentId && !!update.paymentIntentId;
    // The webhook for an intent can land before the create call's answer is recorded; whichever
    // comes second may still bring what the first lacked (the client secret for 3-D Secure).
    const addsSecret = !current.clientSecret && !!update.clientSecret;
    if (!moves && !attachesIntent && !addsSecret) return null;
    const next: Omit<Payment, 'version'> = {
      ...current,
      status: update.status,
      paymentIntentId: current.paymentIntentId ?? update.paymentIntentId ?? null,
      clientSecret: update.clientSecret ?? current.clientSecret,
      failureMessage:
        update.failureMessage ??
        (update.status === 'failed' ? (current.failureMessage ?? 'The payment failed') : current.failureMessage),
      refundId: update.refundId ?? current.refundId,
      updatedAt: now().toISOString(),
    };
    return { next, events: (stored) => eventsFor(current, stored) };
  });
}
