import { claim } from '@bigtix/middleware';
import type { Collection } from 'mongodb';
import type Stripe from 'stripe';
import { Payment, StoredPaymentStatus, findPaymentByIntent } from '../models/payment';
import { advancePayment } from './advance-payment';
import type { PaymentsDeps } from '../deps';
import { PAYOUT_STRIPE_EVENTS, handlePayoutEvent } from './payouts/handle-payout-event';

export type StripeEventOutcome = 'applied' | 'duplicate' | 'ignored';

/** PaymentIntent events and the status each one reports. */
const INTENT_STATUS: Partial<Record<Stripe.Event.Type, StoredPaymentStatus>> = {
  'payment_intent.succeeded': 'succeeded',
  'payment_intent.payment_failed': 'failed',
  'payment_intent.canceled': 'canceled',
  'payment_intent.requires_action': 'requires_action',
  'payment_intent.processing': 'processing',
};

/** One Stripe event seen, by its id (`stripe_events`): the claim that recognises a redelivery. */
export interface StripeEventDoc {
  _id: string;
  type: string;
  objectId: string | null;
  stripeCreated: number;
  receivedAt: Date;
  appliedAt: Date | null;
  outcome?: StripeEventOutcome;
}

export const HANDLED_STRIPE_EVENTS = [...Object.keys(INTENT_STATUS), ...PAYOUT_STRIPE_EVENTS];

/**
 * Applies one verified Stripe event. The event id is claimed first (a unique insert), so a
 * redelivery is recognised without touching payments; the payment change itself is a versioned
 * claim that carries the events it publishes, and statuses only move forward, so events that
 * arrive twice, late or out of order change nothing twice.
 */
export async function handleStripeEvent(
  deps: PaymentsDeps,
  events: Collection<StripeEventDoc>,
  event: Stripe.Event,
): Promise<StripeEventOutcome> {
  const status = INTENT_STATUS[event.type];
  const intent = status ? (event.data.object as Stripe.PaymentIntent) : null;
  const won = await claim(events, event.id, {
    type: event.type,
    objectId: (event.data.object as { id?: string }).id ?? null,
    stripeCreated: event.created,
    receivedAt: new Date(),
    appliedAt: null,
  });
  if (!won) {
    const seen = await events.findOne({ _id: event.id });
    // Claimed but not marked applied: a concurrent delivery, or one that died mid-way. Applying
    // again is harmless (statuses only move forward), and it finishes the work of a dead one.
    if (seen?.appliedAt) return 'duplicate';
  }
  let outcome: StripeEventOutcome = 'ignored';
  if (status && intent) {
    const payment = await paymentOf(deps, intent);
    if (payment) {
      await advancePayment(deps.payments.store, payment._id, {
        status,
        paymentIntentId: intent.id,
        clientSecret: intent.client_secret ?? null,
        failureMessage:
          intent.last_payment_error?.message ?? (status === 'canceled' ? 'The payment was canceled' : null),
      });
      outcome = 'applied';
    } else {
      deps.logger.warn(
        { eventId: event.id, paymentIntentId: intent.id },
        'Stripe event for a PaymentIntent this service did not create',
      );
    }
  } else if (await handlePayoutEvent(deps, event)) {
    outcome = 'applied';
  }
  await events.updateOne({ _id: event.id }, { $set: { appliedAt: new Date(), outcome } });
  return won ? outcome : 'duplicate';
}

/** By our payment id in the metadata (works even before the create call returned), else by intent id. */
async function paymentOf(deps: PaymentsDeps, intent: Stripe.PaymentIntent): Promise<Payment | null> {
  const paymentId = intent.metadata?.paymentId;
  if (paymentId) {
    const payment = await deps.payments.store.findById(paymentId);
    if (payment) return payment;
  }
  return findPaymentByIntent(deps.payments.docs, intent.id);
}
