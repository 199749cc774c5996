import { Envelope } from '@bigtix/common';
import { makeEnvelope } from '@bigtix/middleware';
import type { Payment } from '../../models/payment';

const SOURCE = 'payments';

/** What a change announces: a new attempt with money in play, a success, a failure. */
export function eventsFor(prev: Payment, next: Payment): Envelope[] {
  const events: Envelope[] = [];
  const pi = next.paymentIntentId ?? '';
  if (!prev.paymentIntentId && next.paymentIntentId && next.status !== 'failed' && next.status !== 'canceled') {
    events.push(
      makeEnvelope('payment.created', next.version, SOURCE, {
        id: next._id,
        orderId: next.orderId,
        paymentIntentId: pi,
        amount: next.amount,
        currency: next.currency,
      }),
    );
  }
  if (next.status === 'succeeded' && prev.status !== 'succeeded') {
    events.push(
      makeEnvelope('payment.succeeded', next.version, SOURCE, {
        id: next._id,
        orderId: next.orderId,
        paymentIntentId: pi,
        amount: next.amount,
        currency: next.currency,
      }),
    );
  }
  // A request Stripe refused before any PaymentIntent existed took no money and told orders nothing.
  if (next.status === 'failed' && prev.status !== 'failed' && next.paymentIntentId) {
    events.push(
      makeEnvelope('payment.failed', next.version, SOURCE, {
        id: next._id,
        orderId: next.orderId,
        paymentIntentId: pi,
        message: next.failureMessage ?? 'The payment failed',
      }),
    );
  }
  return events;
}
