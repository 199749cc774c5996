import Stripe from 'stripe';
import type { PaymentsConfig } from '../../config';

/**
 * The official client, pointed at api.stripe.com, the fake Stripe or stripe-mock. The API
 * version is the one this client release pins, so request and event shapes match its types.
 */
export function createStripeClient(
  config: Pick<PaymentsConfig, 'stripeSecretKey' | 'stripeApiBase' | 'stripeTimeoutMs' | 'stripeMaxNetworkRetries'>,
): Stripe {
  const options: ConstructorParameters<typeof Stripe>[1] = {
    timeout: config.stripeTimeoutMs,
    // Retries reuse the request's idempotency key, so a retried create never charges twice.
    maxNetworkRetries: config.stripeMaxNetworkRetries,
    appInfo: { name: 'bigtix-payments' },
  };
  if (config.stripeApiBase) {
    const base = new URL(config.stripeApiBase);
    const protocol = base.protocol.replace(':', '') as 'http' | 'https';
    options.host = base.hostname;
    options.port = base.port || (protocol === 'https' ? 443 : 80);
    options.protocol = protocol;
  }
  return new Stripe(config.stripeSecretKey, options);
}
