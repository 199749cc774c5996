import Stripe from 'stripe';
import { waitFor as pollUntil } from '@bigtix/testkit';
import { startFakeStripe, type RunningFakeStripe, type StartOptions } from '../../src/index';

export const TEST_KEY = 'sk_test_bigtix_fake_key';

export interface Harness {
  fake: RunningFakeStripe;
  stripe: Stripe;
}

/** The fake on an ephemeral port and the official client pointed at it, as the payments service will. */
export async function startHarness(options: StartOptions = {}): Promise<Harness> {
  const fake = await startFakeStripe({ webhookUrl: null, ...options });
  const stripe = new Stripe(TEST_KEY, { ...fake.stripeClientOptions, maxNetworkRetries: 0 });
  return { fake, stripe };
}

/** Polls until check() returns a value other than undefined/false, or fails after timeoutMs. */
export function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000) {
  return pollUntil(check, { timeoutMs, intervalMs: 10 });
}

export async function confirmedPaymentIntent(
  stripe: Stripe,
  paymentMethod: string,
  extra: Partial<Stripe.PaymentIntentCreateParams> = {},
  options?: Stripe.RequestOptions,
): Promise<Stripe.PaymentIntent> {
  const token = await stripe.testHelpers.confirmationTokens.create({
    payment_method: paymentMethod,
    return_url: 'https://bigtix.test/orders/1',
  });
  return stripe.paymentIntents.create(
    {
      amount: 2500,
      currency: 'usd',
      confirm: true,
      confirmation_token: token.id,
      automatic_payment_methods: { enabled: true },
      metadata: { orderId: 'order_1' },
      ...extra,
    },
    options,
  );
}

/** Expects a promise to reject and returns the error for assertions. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
