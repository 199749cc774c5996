import type { FormObject } from '../lib/form-parser';
import { newId } from '../lib/ids';
import {
  applyMetadata,
  assertKnownParams,
  optionalBoolean,
  optionalEnum,
  optionalObject,
  optionalString,
  optionalStringList,
  requiredInteger,
  requiredString,
} from '../lib/params';
import { invalidRequest, missingParam } from '../lib/stripe-error';
import type { PaymentIntent } from '../state/objects';
import {
  executeConfirmation,
  newClientSecret,
  planConfirmation,
  type ConfirmationPlan,
} from './confirm-payment-intent';
import { recordEvent, type DomainContext } from './context';
import { formatMinimum, MAX_AMOUNT, minimumAmount } from './currencies';
import { createPaymentMethod, resolvePaymentMethod } from './payment-methods';

const PARAMS = [
  'amount',
  'currency',
  'allowed_payment_method_types',
  'amount_details',
  'application_fee_amount',
  'automatic_payment_methods',
  'capture_method',
  'confirm',
  'confirmation_method',
  'confirmation_token',
  'customer',
  'customer_account',
  'description',
  'error_on_requires_action',
  'excluded_payment_method_types',
  'expand',
  'hooks',
  'mandate',
  'mandate_data',
  'metadata',
  'off_session',
  'on_behalf_of',
  'payment_details',
  'payment_method',
  'payment_method_configuration',
  'payment_method_data',
  'payment_method_options',
  'payment_method_types',
  'radar_options',
  'receipt_email',
  'return_url',
  'setup_future_usage',
  'shipping',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'transfer_data',
  'transfer_group',
  'use_stripe_sdk',
] as const;

export const CAPTURE_METHODS = ['automatic', 'automatic_async', 'manual'] as const;

export function validateAmount(amount: number, currency: string): void {
  if (amount < minimumAmount(currency)) {
    throw invalidRequest(`Amount must be at least ${formatMinimum(currency)}`, {
      code: 'amount_too_small',
      param: 'amount',
    });
  }
  if (amount > MAX_AMOUNT) {
    throw invalidRequest(`Amount must be no more than ${MAX_AMOUNT}`, { code: 'amount_too_large', param: 'amount' });
  }
}

export function parseCurrency(params: FormObject): string {
  const currency = requiredString(params, 'currency').toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) {
    throw invalidRequest(
      `Invalid currency: ${currency}. Stripe currently supports these currencies: usd, eur, gbp, …`,
      {
        param: 'currency',
      },
    );
  }
  return currency;
}

function parseAutomaticPaymentMethods(params: FormObject, methodTypes: string[] | undefined) {
  const apm = optionalObject(params, 'automatic_payment_methods');
  if (apm === undefined) {
    // Since API version 2023-08-16 Stripe enables automatic payment methods when no types are given.
    return methodTypes ? null : { allow_redirects: 'always' as const, enabled: true };
  }
  assertKnownParams(apm, ['enabled', 'allow_redirects'], 'automatic_payment_methods');
  const enabled = optionalBoolean(apm, 'enabled');
  if (enabled === undefined) throw missingParam('automatic_payment_methods[enabled]');
  const allowRedirects = optionalEnum(apm, 'allow_redirects', ['always', 'never'] as const) ?? 'always';
  if (enabled && methodTypes) {
    throw invalidRequest(
      'You may only specify one of these parameters: automatic_payment_methods, payment_method_types.',
      { code: 'parameters_exclusive', param: 'automatic_payment_methods' },
    );
  }
  return { allow_redirects: allowRedirects, enabled };
}

/**
 * `POST /v1/payment_intents`. All parameters (and, with `confirm=true`, the confirmation) are validated before
 * the PaymentIntent exists, so a 400 creates nothing; a decline creates it and then answers 402, like Stripe.
 */
export function createPaymentIntent(dc: DomainContext, params: FormObject): PaymentIntent {
  assertKnownParams(params, PARAMS);
  const amount = requiredInteger(params, 'amount');
  const currency = parseCurrency(params);
  validateAmount(amount, currency);
  const methodTypes =
    optionalStringList(params, 'payment_method_types') ?? optionalStringList(params, 'allowed_payment_method_types');
  const automaticPaymentMethods = parseAutomaticPaymentMethods(params, methodTypes);
  const captureMethod = optionalEnum(params, 'capture_method', CAPTURE_METHODS) ?? 'automatic_async';
  const confirmationMethod =
    optionalEnum(params, 'confirmation_method', ['automatic', 'manual'] as const) ?? 'automatic';
  const confirm = optionalBoolean(params, 'confirm') ?? false;
  const confirmationToken = optionalString(params, 'confirmation_token');
  const paymentMethod = optionalString(params, 'payment_method');
  const returnUrl = optionalString(params, 'return_url');
  const description = optionalString(params, 'description') ?? null;
  const receiptEmail = optionalString(params, 'receipt_email') ?? null;
  const errorOnRequiresAction = optionalBoolean(params, 'error_on_requires_action');
  optionalStringList(params, 'expand');
  const metadata = applyMetadata(params, {});
  if (confirmationToken && !confirm) {
    throw invalidRequest('The `confirmation_token` parameter can only be used when `confirm` is true.', {
      param: 'confirmation_token',
    });
  }

  let plan: ConfirmationPlan | undefined;
  if (confirm) {
    plan = planConfirmation(
      dc,
      { payment_method: null, automatic_payment_methods: automaticPaymentMethods },
      { confirmationToken, paymentMethod, returnUrl, errorOnRequiresAction },
    );
  } else if (paymentMethod) {
    resolvePaymentMethod(dc, paymentMethod);
  }

  const id = newId('pi');
  const pi: PaymentIntent = {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: methodTypes ?? null,
    amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: automaticPaymentMethods,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: captureMethod,
    client_secret: newClientSecret(id),
    confirmation_method: confirmationMethod,
    created: dc.clock.nowSeconds(),
    currency,
    customer: null,
    description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: automaticPaymentMethods?.enabled
      ? { id: 'pmc_fake_default', parent: null }
      : null,
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' },
    },
    payment_method_types: methodTypes ?? ['card'],
    processing: null,
    receipt_email: receiptEmail,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: confirm ? 'requires_confirmation' : 'requires_payment_method',
    transfer_data: null,
    transfer_group: optionalString(params, 'transfer_group') ?? null,
  };
  if (!confirm && paymentMethod) {
    const { card, existing } = resolvePaymentMethod(dc, paymentMethod);
    pi.payment_method = (existing ?? createPaymentMethod(dc, card)).id;
    pi.status = 'requires_confirmation';
  }
  dc.store.paymentIntents.set(id, pi);
  recordEvent(dc, 'payment_intent.created', pi);
  if (plan) executeConfirmation(dc, pi, plan);
  return pi;
}
