import type { FormObject } from '../lib/form-parser';
import {
  applyMetadata,
  assertKnownParams,
  optionalEnum,
  optionalInteger,
  optionalString,
  optionalStringList,
} from '../lib/params';
import { unexpectedState } from '../lib/stripe-error';
import type { PaymentIntent, PaymentIntentStatus } from '../state/objects';
import type { DomainContext } from './context';
import { CAPTURE_METHODS, parseCurrency, validateAmount } from './create-payment-intent';
import { findPaymentIntent } from './find';
import { createPaymentMethod, resolvePaymentMethod } from './payment-methods';

const PARAMS = [
  'allowed_payment_method_types',
  'amount',
  'amount_details',
  'application_fee_amount',
  'capture_method',
  'currency',
  'customer',
  'customer_account',
  'description',
  'excluded_payment_method_types',
  'expand',
  'hooks',
  'metadata',
  'payment_details',
  'payment_method',
  'payment_method_configuration',
  'payment_method_data',
  'payment_method_options',
  'payment_method_types',
  'receipt_email',
  'setup_future_usage',
  'shipping',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'transfer_data',
  'transfer_group',
] as const;

// Fields that change what will be charged: only before the payment is done.
const PAYMENT_FIELDS = ['amount', 'currency', 'payment_method', 'capture_method'] as const;
const UPDATABLE: PaymentIntentStatus[] = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

/** `POST /v1/payment_intents/:id`. Metadata and description can change in any status, as on Stripe. */
export function updatePaymentIntent(dc: DomainContext, id: string, params: FormObject): PaymentIntent {
  const pi = findPaymentIntent(dc, id);
  assertKnownParams(params, PARAMS);
  optionalStringList(params, 'expand');
  const touchesPayment = PAYMENT_FIELDS.some((field) => params[field] !== undefined);
  if (touchesPayment && !UPDATABLE.includes(pi.status)) {
    throw unexpectedState(
      `You cannot update this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be updated: requires_payment_method, requires_confirmation, requires_action.`,
      pi,
    );
  }
  const currency = params.currency !== undefined ? parseCurrency(params) : pi.currency;
  const amount = optionalInteger(params, 'amount') ?? pi.amount;
  if (params.amount !== undefined || params.currency !== undefined) validateAmount(amount, currency);
  const captureMethod = optionalEnum(params, 'capture_method', CAPTURE_METHODS);
  const paymentMethodId = optionalString(params, 'payment_method');
  const resolved = paymentMethodId ? resolvePaymentMethod(dc, paymentMethodId) : undefined;
  const metadata = applyMetadata(params, pi.metadata);
  const description =
    params.description === undefined ? pi.description : (optionalString(params, 'description') ?? null);
  const receiptEmail =
    params.receipt_email === undefined ? pi.receipt_email : (optionalString(params, 'receipt_email') ?? null);

  pi.metadata = metadata;
  pi.description = description;
  pi.receipt_email = receiptEmail;
  if (captureMethod) pi.capture_method = captureMethod;
  if (touchesPayment) {
    pi.amount = amount;
    pi.currency = currency;
    if (resolved) pi.payment_method = (resolved.existing ?? createPaymentMethod(dc, resolved.card)).id;
    // A changed payment must be confirmed again.
    pi.next_action = null;
    pi.status = pi.payment_method ? 'requires_confirmation' : 'requires_payment_method';
  }
  return pi;
}
