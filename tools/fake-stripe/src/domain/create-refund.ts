import type { FormObject } from '../lib/form-parser';
import { newId } from '../lib/ids';
import {
  applyMetadata,
  assertKnownParams,
  optionalEnum,
  optionalInteger,
  optionalString,
  optionalStringList,
} from '../lib/params';
import { invalidRequest, resourceMissing } from '../lib/stripe-error';
import type { Charge, Refund } from '../state/objects';
import { recordBalanceTransaction } from './balance';
import { recordEvent, type DomainContext } from './context';

const PARAMS = [
  'amount',
  'charge',
  'currency',
  'customer',
  'expand',
  'instructions_email',
  'metadata',
  'origin',
  'payment_intent',
  'reason',
  'refund_application_fee',
  'reverse_transfer',
] as const;

function money(cents: number, currency: string): string {
  return `${currency === 'usd' ? '$' : ''}${(cents / 100).toFixed(2)}${currency === 'usd' ? '' : ` ${currency}`}`;
}

function chargeToRefund(dc: DomainContext, params: FormObject): Charge {
  const paymentIntentId = optionalString(params, 'payment_intent');
  const chargeId = optionalString(params, 'charge');
  if (paymentIntentId && chargeId) {
    throw invalidRequest('You may only specify one of these parameters: charge, payment_intent.', {
      code: 'parameters_exclusive',
      param: 'charge',
    });
  }
  if (chargeId) {
    const charge = dc.store.charges.get(chargeId);
    if (!charge) throw resourceMissing('charge', chargeId, 'charge');
    if (!charge.captured) {
      throw invalidRequest(`Charge ${charge.id} has not been captured and cannot be refunded.`, { param: 'charge' });
    }
    return charge;
  }
  if (!paymentIntentId) {
    throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', {
      code: 'parameter_missing',
      param: 'payment_intent',
    });
  }
  const pi = dc.store.paymentIntents.get(paymentIntentId);
  if (!pi) throw resourceMissing('payment_intent', paymentIntentId, 'payment_intent');
  const charge = pi.latest_charge ? dc.store.charges.get(pi.latest_charge) : undefined;
  if (pi.status !== 'succeeded' || !charge || !charge.captured) {
    throw invalidRequest('This PaymentIntent does not have a successful charge to refund.', {
      param: 'payment_intent',
    });
  }
  return charge;
}

/** `POST /v1/refunds`: refunds in the fake succeed at once (Stripe's card refunds usually do too). */
export function createRefund(dc: DomainContext, params: FormObject): Refund {
  assertKnownParams(params, PARAMS);
  optionalStringList(params, 'expand');
  const charge = chargeToRefund(dc, params);
  const requested = optionalInteger(params, 'amount');
  const reason = optionalEnum(params, 'reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const);
  const metadata = applyMetadata(params, {});
  const refundable = charge.amount_captured - charge.amount_refunded;
  if (refundable <= 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
      param: params.charge !== undefined ? 'charge' : 'payment_intent',
    });
  }
  if (requested !== undefined && requested <= 0) {
    throw invalidRequest('Invalid positive integer', { code: 'parameter_invalid_integer', param: 'amount' });
  }
  const amount = requested ?? refundable;
  if (amount > refundable) {
    throw invalidRequest(
      `Refund amount (${money(amount, charge.currency)}) is greater than unrefunded amount on charge (${money(refundable, charge.currency)})`,
      { code: 'amount_too_large', param: 'amount' },
    );
  }

  const refundId = newId('re');
  const refund: Refund = {
    id: refundId,
    object: 'refund',
    amount,
    balance_transaction: recordBalanceTransaction(dc, 'refund', -amount, charge.currency, refundId),
    charge: charge.id,
    created: dc.clock.nowSeconds(),
    currency: charge.currency,
    destination_details: {
      card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' },
      type: 'card',
    },
    metadata,
    payment_intent: charge.payment_intent,
    reason: reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  dc.store.refunds.set(refund.id, refund);
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded >= charge.amount_captured;
  recordEvent(dc, 'refund.created', refund);
  recordEvent(dc, 'charge.refunded', charge, previous);
  return refund;
}
