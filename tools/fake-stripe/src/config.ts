/** Options of the fake; every one has a default, most can come from the environment (see README). */
export interface FakeStripeOptions {
  /** Where events are POSTed; null/'' to send none. */
  webhookUrl?: string | null;
  /** Signing secret (`whsec_…`) shared with the receiver. */
  webhookSecret?: string;
  /** Event types sent to the endpoint; default all (`['*']`). */
  enabledEvents?: string[];
  /** Total delivery attempts per event before giving up (Stripe: ~3 days of retries). */
  webhookMaxAttempts?: number;
  webhookRetryBaseMs?: number;
  webhookRetryMaxMs?: number;
  webhookTimeoutMs?: number;
  /** Random delay (0..n ms) before each first delivery, to shake out ordering assumptions. */
  webhookJitterMs?: number;
  /** Start with webhook delivery paused. */
  webhooksPaused?: boolean;
  /** `api_version` written into events. */
  apiVersion?: string;
  /** How long a ConfirmationToken can be used (Stripe: 12 hours). */
  confirmationTokenTtlSeconds?: number;
  /** Clock for object timestamps (ms since epoch). */
  now?: () => number;
}

export type ResolvedOptions = Required<Omit<FakeStripeOptions, 'webhookUrl'>> & { webhookUrl: string | null };

export const DEFAULT_WEBHOOK_SECRET = 'whsec_bigtix_dev_secret';
// The version the installed stripe-node (v23) pins; events carry it like an endpoint created with that client.
export const DEFAULT_API_VERSION = '2026-10-28.endive';

export function resolveOptions(options: FakeStripeOptions = {}): ResolvedOptions {
  return {
    webhookUrl: options.webhookUrl || null,
    webhookSecret: options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET,
    enabledEvents: options.enabledEvents ?? ['*'],
    webhookMaxAttempts: options.webhookMaxAttempts ?? 8,
    webhookRetryBaseMs: options.webhookRetryBaseMs ?? 1000,
    webhookRetryMaxMs: options.webhookRetryMaxMs ?? 60_000,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    webhookJitterMs: options.webhookJitterMs ?? 0,
    webhooksPaused: options.webhooksPaused ?? false,
    apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
    confirmationTokenTtlSeconds: options.confirmationTokenTtlSeconds ?? 12 * 60 * 60,
    now: options.now ?? Date.now,
  };
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** Options for the CLI, from environment variables. */
export function optionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): FakeStripeOptions & { port: number; host: string } {
  return {
    port: intFromEnv(env, 'FAKE_STRIPE_PORT') ?? 12111,
    host: env.FAKE_STRIPE_HOST || '127.0.0.1',
    webhookUrl: env.FAKE_STRIPE_WEBHOOK_URL ?? 'http://127.0.0.1:3000/api/webhooks/stripe',
    webhookSecret: env.STRIPE_WEBHOOK_SECRET || DEFAULT_WEBHOOK_SECRET,
    enabledEvents: env.FAKE_STRIPE_ENABLED_EVENTS
      ? env.FAKE_STRIPE_ENABLED_EVENTS.split(',').map((s) => s.trim())
      : undefined,
    webhookMaxAttempts: intFromEnv(env, 'FAKE_STRIPE_WEBHOOK_MAX_ATTEMPTS'),
    webhookRetryBaseMs: intFromEnv(env, 'FAKE_STRIPE_WEBHOOK_RETRY_MS'),
    webhookJitterMs: intFromEnv(env, 'FAKE_STRIPE_WEBHOOK_JITTER_MS'),
  };
}
