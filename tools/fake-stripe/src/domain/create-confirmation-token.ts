import { newId } from '../lib/ids';
import type { FormObject } from '../lib/form-parser';
import { assertKnownParams, optionalEnum, optionalString, optionalStringList } from '../lib/params';
import { invalidRequest, missingParam } from '../lib/stripe-error';
import type { ConfirmationToken } from '../state/objects';
import type { DomainContext } from './context';
import { paymentMethodPreview, resolvePaymentMethod } from './payment-methods';

// `payment_method_types` is not a real parameter of this helper; it is accepted (and ignored) because
// browser-side code built for Elements tends to send it.
const PARAMS = [
  'payment_method',
  'payment_method_data',
  'payment_method_options',
  'payment_method_types',
  'return_url',
  'setup_future_usage',
  'shipping',
  'expand',
] as const;

export function createConfirmationToken(dc: DomainContext, params: FormObject, ttlSeconds: number): ConfirmationToken {
  assertKnownParams(params, PARAMS);
  optionalStringList(params, 'payment_method_types');
  optionalStringList(params, 'expand');
  if (params.payment_method_data !== undefined) {
    throw invalidRequest(
      'The fake Stripe server supports only `payment_method` with a test PaymentMethod such as pm_card_visa; `payment_method_data` is not implemented.',
      { param: 'payment_method_data' },
    );
  }
  const paymentMethod = optionalString(params, 'payment_method');
  if (!paymentMethod) throw missingParam('payment_method');
  const returnUrl = optionalString(params, 'return_url');
  if (returnUrl !== undefined && !/^https?:\/\/\S+$/.test(returnUrl)) {
    throw invalidRequest('Invalid URL: return_url must be an absolute http(s) URL.', {
      code: 'url_invalid',
      param: 'return_url',
    });
  }
  const setupFutureUsage = optionalEnum(params, 'setup_future_usage', ['off_session', 'on_session'] as const);
  const { card } = resolvePaymentMethod(dc, paymentMethod);

  const created = dc.clock.nowSeconds();
  const token: ConfirmationToken = {
    id: newId('ctoken'),
    object: 'confirmation_token',
    created,
    expires_at: created + ttlSeconds,
    livemode: false,
    mandate_data: null,
    metadata: {},
    payment_intent: null,
    payment_method_options: null,
    payment_method_preview: paymentMethodPreview(card),
    return_url: returnUrl ?? null,
    setup_future_usage: setupFutureUsage ?? null,
    setup_intent: null,
    shipping: null,
    use_stripe_sdk: true,
  };
  dc.store.confirmationTokens.set(token.id, token);
  dc.store.cards.set(token.id, card);
  return token;
}
