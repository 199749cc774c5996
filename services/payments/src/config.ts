import { FeeSchedule, readFeeSchedule } from '@bigtix/common';
import { intFromEnv } from '@bigtix/middleware';

export const FAKE_STRIPE_API_BASE = 'http://127.0.0.1:12111';
export const FAKE_STRIPE_SECRET_KEY = 'sk_test_bigtix_fake';
export const DEV_WEBHOOK_SECRET = 'whsec_bigtix_dev_secret';

export interface PaymentsConfig {
  stripeSecretKey: string;
  /** Where the Stripe client sends requests; null means api.stripe.com. */
  stripeApiBase: string | null;
  stripeWebhookSecret: string;
  /** How long POST /api/payments/new waits for an order the replica has not seen yet. */
  replicaWaitMs: number;
  /**
   * A `pending` attempt older than this is taken as abandoned by a crashed request and resumed.
   * Longer than a Stripe call with its retries can take, so a slow request is not raced.
   */
  staleAttemptMs: number;
  /** Stripe request timeout; the client retries network failures with the same idempotency key. */
  stripeTimeoutMs: number;
  stripeMaxNetworkRetries: number;
  /** POST /api/payments/test/confirmation-tokens: on with a test key outside production. */
  testHelpers: boolean;
  /** BUYER_FEE_BPS / SELLER_FEE_BPS, shown to clients; orders fix the fees on each order line. */
  fees: FeeSchedule;
  /** How long after an event's end its sellers are paid (PAYOUT_DELAY_SECONDS, default 2 days). */
  payoutDelaySeconds: number;
  /** How often the payout worker looks for due proceeds and pending reversals. */
  payoutSweepMs: number;
  /** A transfer claimed this long ago and not recorded is retried (its worker crashed). */
  payoutRetryAfterMs: number;
  /** Where Stripe's onboarding sends the seller back (the web's Get paid page). */
  publicWebUrl: string;
  /** Event dates come from Ticketmaster Discovery (the fake one without a key). */
  ticketmaster: { baseUrl: string; apiKey: string; timeoutMs: number; cacheMs: number };
}

/**
 * Without STRIPE_SECRET_KEY the service talks to the fake Stripe (tools/fake-stripe) so that
 * `make dev` works offline; in production both Stripe secrets are required.
 */
export function readPaymentsConfig(env: NodeJS.ProcessEnv): PaymentsConfig {
  const production = env.NODE_ENV === 'production';
  const secretKey = env.STRIPE_SECRET_KEY || '';
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET || '';
  if (production && (!secretKey || !webhookSecret)) {
    throw new Error('STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET must be set in production');
  }
  return {
    stripeSecretKey: secretKey || FAKE_STRIPE_SECRET_KEY,
    stripeApiBase: env.STRIPE_API_BASE || (secretKey ? null : FAKE_STRIPE_API_BASE),
    stripeWebhookSecret: webhookSecret || DEV_WEBHOOK_SECRET,
    replicaWaitMs: intFromEnv(env.PAYMENT_REPLICA_WAIT_MS, 2_000),
    staleAttemptMs: intFromEnv(env.PAYMENT_STALE_ATTEMPT_MS, 90_000),
    stripeTimeoutMs: intFromEnv(env.STRIPE_TIMEOUT_MS, 20_000),
    stripeMaxNetworkRetries: intFromEnv(env.STRIPE_MAX_NETWORK_RETRIES, 2),
    testHelpers: !production && (secretKey || FAKE_STRIPE_SECRET_KEY).startsWith('sk_test_'),
    fees: readFeeSchedule(env),
    payoutDelaySeconds: intFromEnv(env.PAYOUT_DELAY_SECONDS, 2 * 24 * 3600),
    payoutSweepMs: intFromEnv(env.PAYOUT_SWEEP_MS, 30_000),
    payoutRetryAfterMs: intFromEnv(env.PAYOUT_RETRY_AFTER_MS, 60_000),
    publicWebUrl: (env.PUBLIC_WEB_URL || 'http://localhost:3000').replace(/\/$/, ''),
    ticketmaster: {
      baseUrl: (
        env.TICKETMASTER_BASE_URL?.trim() ||
        (env.TICKETMASTER_CONSUMER_KEY ? 'https://app.ticketmaster.com' : 'http://127.0.0.1:12112')
      ).replace(/\/$/, ''),
      apiKey: env.TICKETMASTER_CONSUMER_KEY?.trim() || 'fake-ticketmaster-key',
      timeoutMs: intFromEnv(env.TICKETMASTER_TIMEOUT_MS, 5_000),
      cacheMs: intFromEnv(env.PAYOUT_EVENT_CACHE_MS, 60_000),
    },
  };
}
