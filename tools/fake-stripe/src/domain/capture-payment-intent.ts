import { recordBalanceTransaction } from './balance';
import type { FormObject } from '../lib/form-parser';
import { applyMetadata, assertKnownParams, optionalInteger, optionalStringList } from '../lib/params';
import { invalidRequest, unexpectedState } from '../lib/stripe-error';
import type { PaymentIntent } from '../state/objects';
import { recordEvent, type DomainContext } from './context';
import { findPaymentIntent } from './find';

const PARAMS = [
  'amount_details',
  'amount_to_capture',
  'application_fee_amount',
  'expand',
  'final_capture',
  'hooks',
  'metadata',
  'payment_details',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'transfer_data',
] as const;

/** `POST /v1/payment_intents/:id/capture` for `capture_method=manual`. */
export function capturePaymentIntent(dc: DomainContext, id: string, params: FormObject): PaymentIntent {
  const pi = findPaymentIntent(dc, id);
  assertKnownParams(params, PARAMS);
  optionalStringList(params, 'expand');
  if (pi.status !== 'requires_capture') {
    throw unexpectedState(
      `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
      pi,
    );
  }
  const amount = optionalInteger(params, 'amount_to_capture') ?? pi.amount_capturable;
  if (amount <= 0 || amount > pi.amount_capturable) {
    throw invalidRequest(
      `The amount_to_capture must be between 1 and the amount capturable (${pi.amount_capturable}).`,
      { param: 'amount_to_capture' },
    );
  }
  pi.metadata = applyMetadata(params, pi.metadata);
  const charge = pi.latest_charge ? dc.store.charges.get(pi.latest_charge) : undefined;
  if (charge) {
    charge.captured = true;
    charge.amount_captured = amount;
    charge.balance_transaction = recordBalanceTransaction(
      dc,
      'charge',
      amount,
      charge.currency,
      charge.id,
      pi.description,
    );
    // The part not captured goes back to the card, which Stripe shows as refunded.
    charge.amount_refunded = charge.amount - amount;
    recordEvent(dc, 'charge.captured', charge);
  }
  pi.status = 'succeeded';
  pi.amount_received = amount;
  pi.amount_capturable = 0;
  recordEvent(dc, 'payment_intent.succeeded', pi);
  return pi;
}
