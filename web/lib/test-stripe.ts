import 'server-only';

/**
 * Dev-only access to the fake Stripe's test helpers (tools/fake-stripe). Enabled only when the web has
 * no STRIPE_PUBLISHABLE_KEY, i.e. when no real Stripe account is configured: then payments also talks to
 * the fake, and these helpers stand in for what Stripe.js would do in the buyer's browser.
 */
export function testPaymentsEnabled(): boolean {
  return !process.env.STRIPE_PUBLISHABLE_KEY;
}

const base = () => (process.env.STRIPE_API_BASE || 'http://127.0.0.1:12111').replace(/\/$/, '');
const key = () => process.env.FAKE_STRIPE_SECRET_KEY || 'sk_test_bigtix_fake';

export const TEST_CARDS = {
  succeeds: 'pm_card_visa',
  declined: 'pm_card_chargeDeclined',
  authentication: 'pm_card_authenticationRequired',
} as const;
export type TestCard = keyof typeof TEST_CARDS;

async function post(path: string, params: Record<string, string>) {
  const res = await fetch(`${base()}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key()}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
    cache: 'no-store',
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json().catch(() => ({}))) as { id?: string; status?: string; error?: { message?: string } };
  if (!res.ok) throw new Error(body.error?.message ?? `fake Stripe answered ${res.status}`);
  return body;
}

export async function createTestConfirmationToken(card: TestCard): Promise<string> {
  const token = await post('/v1/test_helpers/confirmation_tokens', { payment_method: TEST_CARDS[card] });
  return token.id!;
}

export async function completeTestAuthentication(paymentIntentId: string): Promise<string> {
  const pi = await post(`/v1/test_helpers/payment_intents/${encodeURIComponent(paymentIntentId)}/authenticate`, {
    outcome: 'succeed',
  });
  return pi.status ?? 'unknown';
}
