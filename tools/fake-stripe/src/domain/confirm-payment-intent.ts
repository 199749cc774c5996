import { randomToken } from '../lib/ids';
import { docUrl, invalidRequest, resourceMissing, StripeApiError, unexpectedState } from '../lib/stripe-error';
import type { ConfirmationToken, PaymentIntent, PaymentIntentStatus, PaymentMethod } from '../state/objects';
import { createCharge } from './charges';
import { recordEvent, type DomainContext } from './context';
import { createPaymentMethod, resolvePaymentMethod } from './payment-methods';
import type { CardOutcome, TestCard } from './test-cards';

export interface ConfirmInput {
  confirmationToken?: string;
  paymentMethod?: string;
  returnUrl?: string;
  errorOnRequiresAction?: boolean;
}

/** Everything a confirmation needs, checked before anything changes, so a rejected confirm writes nothing. */
export interface ConfirmationPlan {
  card: TestCard;
  token?: ConfirmationToken;
  existingPaymentMethod?: PaymentMethod;
  errorOnRequiresAction: boolean;
}

const CONFIRMABLE: PaymentIntentStatus[] = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

export function assertConfirmable(pi: PaymentIntent): void {
  if (CONFIRMABLE.includes(pi.status)) return;
  if (pi.status === 'succeeded') {
    throw unexpectedState(
      'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.',
      pi,
    );
  }
  throw unexpectedState(
    `You cannot confirm this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be confirmed: requires_confirmation, requires_payment_method, requires_action.`,
    pi,
  );
}

export function planConfirmation(
  dc: DomainContext,
  pi: Pick<PaymentIntent, 'payment_method' | 'automatic_payment_methods'>,
  input: ConfirmInput,
): ConfirmationPlan {
  if (input.confirmationToken && input.paymentMethod) {
    throw invalidRequest('You may only specify one of these parameters: confirmation_token, payment_method.', {
      code: 'parameters_exclusive',
      param: 'confirmation_token',
    });
  }
  let card: TestCard | undefined;
  let token: ConfirmationToken | undefined;
  let existingPaymentMethod: PaymentMethod | undefined;
  if (input.confirmationToken) {
    token = usableToken(dc, input.confirmationToken);
    card = dc.store.cards.get(token.id);
  } else if (input.paymentMethod) {
    ({ card, existing: existingPaymentMethod } = resolvePaymentMethod(dc, input.paymentMethod));
  } else if (pi.payment_method) {
    existingPaymentMethod = dc.store.paymentMethods.get(pi.payment_method);
    card = dc.store.cards.get(pi.payment_method);
  }
  if (!card) {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method or ConfirmationToken.",
    );
  }
  const returnUrl = input.returnUrl ?? token?.return_url ?? undefined;
  const apm = pi.automatic_payment_methods;
  // Real Stripe insists on this even for cards: any enabled method might redirect.
  if (apm?.enabled && apm.allow_redirects !== 'never' && !returnUrl) {
    throw invalidRequest(
      "This PaymentIntent is configured to accept payment methods enabled in your Dashboard. Because some of these payment methods might redirect your customer off of your page, you must provide a `return_url`. If you don't want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.",
      { param: 'return_url' },
    );
  }
  return { card, token, existingPaymentMethod, errorOnRequiresAction: input.errorOnRequiresAction ?? false };
}

function usableToken(dc: DomainContext, id: string): ConfirmationToken {
  const token = dc.store.confirmationTokens.get(id);
  if (!token) throw resourceMissing('confirmationtoken', id, 'confirmation_token');
  if (token.payment_intent) {
    throw invalidRequest(
      `This ConfirmationToken has already been used to confirm PaymentIntent ${token.payment_intent}. Create a new ConfirmationToken for each confirmation.`,
      { code: 'token_already_used', param: 'confirmation_token' },
    );
  }
  if (token.expires_at <= dc.clock.nowSeconds()) {
    throw invalidRequest(
      `This ConfirmationToken expired at ${new Date(token.expires_at * 1000).toISOString()}. Create a new ConfirmationToken.`,
      { param: 'confirmation_token' },
    );
  }
  return token;
}

/**
 * Runs the payment attempt. A decline leaves the PaymentIntent in `requires_payment_method` with
 * `last_payment_error` and then throws the 402 card error Stripe answers with (the state change stays).
 */
export function executeConfirmation(dc: DomainContext, pi: PaymentIntent, plan: ConfirmationPlan): PaymentIntent {
  if (plan.token) plan.token.payment_intent = pi.id;
  const pm = plan.existingPaymentMethod ?? createPaymentMethod(dc, plan.card);
  pi.payment_method = pm.id;
  pi.last_payment_error = null;
  pi.next_action = null;

  const outcome: CardOutcome = plan.card.outcome;
  if (outcome.kind === 'authenticate') {
    if (plan.errorOnRequiresAction) {
      return failPayment(dc, pi, pm, {
        kind: 'decline',
        code: 'authentication_required',
        declineCode: 'authentication_required',
        message: 'Your card was declined. This transaction requires authentication.',
        sellerMessage: 'The bank returned the decline code `authentication_required`.',
      });
    }
    requireAction(dc, pi);
    return pi;
  }
  if (outcome.kind === 'decline') return failPayment(dc, pi, pm, outcome);
  completePayment(dc, pi, pm);
  return pi;
}

function requireAction(dc: DomainContext, pi: PaymentIntent): void {
  pi.status = 'requires_action';
  pi.next_action = {
    type: 'use_stripe_sdk',
    use_stripe_sdk: {
      type: 'three_d_secure_redirect',
      stripe_js: `${dc.origin}/__control/payment_intents/${pi.id}/authenticate`,
      source: `src_${randomToken(24)}`,
      directory_server_name: 'visa',
      three_d_secure_2_source: `payatt_${randomToken(24)}`,
      fake_stripe_authenticate_url: `${dc.origin}/v1/test_helpers/payment_intents/${pi.id}/authenticate`,
    },
  };
  recordEvent(dc, 'payment_intent.requires_action', pi);
}

/** Money authorized: captured now (`succeeded`) or held for a manual capture (`requires_capture`). */
export function completePayment(dc: DomainContext, pi: PaymentIntent, pm: PaymentMethod): void {
  const capture = pi.capture_method !== 'manual';
  const charge = createCharge(dc, pi, pm, { kind: 'succeed', capture });
  pi.latest_charge = charge.id;
  pi.next_action = null;
  recordEvent(dc, 'charge.succeeded', charge);
  if (capture) {
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    pi.amount_capturable = 0;
    recordEvent(dc, 'payment_intent.succeeded', pi);
  } else {
    pi.status = 'requires_capture';
    pi.amount_capturable = pi.amount;
    recordEvent(dc, 'payment_intent.amount_capturable_updated', pi);
  }
}

function failPayment(
  dc: DomainContext,
  pi: PaymentIntent,
  pm: PaymentMethod,
  decline: Extract<CardOutcome, { kind: 'decline' }>,
): never {
  const charge = createCharge(dc, pi, pm, decline);
  pi.status = 'requires_payment_method';
  pi.latest_charge = charge.id;
  // Stripe detaches the failed method: the next confirm needs a new one.
  pi.payment_method = null;
  pi.last_payment_error = {
    type: 'card_error',
    code: decline.code,
    decline_code: decline.declineCode,
    message: decline.message,
    doc_url: docUrl(decline.code),
    charge: charge.id,
    payment_method: pm,
  };
  recordEvent(dc, 'charge.failed', charge);
  recordEvent(dc, 'payment_intent.payment_failed', pi);
  throw new StripeApiError(402, {
    type: 'card_error',
    code: decline.code,
    decline_code: decline.declineCode,
    message: decline.message,
    doc_url: docUrl(decline.code),
    charge: charge.id,
    payment_intent: structuredClone(pi),
    payment_method: pm,
    request_log_url: `https://dashboard.stripe.com/test/logs/${dc.request.id ?? ''}`,
  });
}

/** Ends a 3-D Secure challenge the way the customer's browser would (`stripe.handleNextAction`). */
export function finishAuthentication(dc: DomainContext, pi: PaymentIntent, outcome: 'succeed' | 'fail'): PaymentIntent {
  if (pi.status !== 'requires_action') {
    throw unexpectedState(
      `This PaymentIntent has a status of ${pi.status}; only a PaymentIntent in requires_action can be authenticated.`,
      pi,
    );
  }
  const pm = pi.payment_method ? dc.store.paymentMethods.get(pi.payment_method) : undefined;
  if (!pm) throw unexpectedState('This PaymentIntent has no PaymentMethod to authenticate.', pi);
  if (outcome === 'succeed') {
    completePayment(dc, pi, pm);
    return pi;
  }
  pi.status = 'requires_payment_method';
  pi.next_action = null;
  pi.payment_method = null;
  pi.last_payment_error = {
    type: 'invalid_request_error',
    code: 'payment_intent_authentication_failure',
    message:
      'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
    doc_url: docUrl('payment_intent_authentication_failure'),
    payment_method: pm,
  };
  recordEvent(dc, 'payment_intent.payment_failed', pi);
  return pi;
}

export function newClientSecret(id: string): string {
  return `${id}_secret_${randomToken(25)}`;
}

export const CONFIRM_PARAMS = [
  'allowed_payment_method_types',
  'amount_details',
  'amount_to_confirm',
  'capture_method',
  'confirmation_token',
  'error_on_requires_action',
  'excluded_payment_method_types',
  'expand',
  'hooks',
  'mandate',
  'mandate_data',
  'off_session',
  'payment_details',
  'payment_method',
  'payment_method_data',
  'payment_method_options',
  'payment_method_types',
  'radar_options',
  'receipt_email',
  'return_url',
  'setup_future_usage',
  'shipping',
  'use_stripe_sdk',
] as const;
