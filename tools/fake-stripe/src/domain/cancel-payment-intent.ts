import type { FormObject } from '../lib/form-parser';
import { assertKnownParams, optionalEnum, optionalStringList } from '../lib/params';
import { unexpectedState } from '../lib/stripe-error';
import type { PaymentIntent, PaymentIntentStatus } from '../state/objects';
import { recordEvent, type DomainContext } from './context';
import { findPaymentIntent } from './find';

const CANCELABLE: PaymentIntentStatus[] = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];
const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'] as const;

/** `POST /v1/payment_intents/:id/cancel`. */
export function cancelPaymentIntent(dc: DomainContext, id: string, params: FormObject): PaymentIntent {
  const pi = findPaymentIntent(dc, id);
  assertKnownParams(params, ['cancellation_reason', 'expand']);
  optionalStringList(params, 'expand');
  const reason = optionalEnum(params, 'cancellation_reason', REASONS);
  if (!CANCELABLE.includes(pi.status)) {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
      pi,
    );
  }
  if (pi.status === 'requires_capture' && pi.latest_charge) {
    // The uncaptured authorization is released, which Stripe reports as a full refund of the charge.
    const charge = dc.store.charges.get(pi.latest_charge);
    if (charge) {
      charge.amount_refunded = charge.amount;
      charge.refunded = true;
    }
  }
  pi.status = 'canceled';
  pi.canceled_at = dc.clock.nowSeconds();
  pi.cancellation_reason = reason ?? null;
  pi.next_action = null;
  pi.amount_capturable = 0;
  recordEvent(dc, 'payment_intent.canceled', pi);
  return pi;
}
