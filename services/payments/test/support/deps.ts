import { createLogger } from '@bigtix/middleware';
import type { Connection } from 'mongoose';
import { readPaymentsConfig } from '../../src/config';
import type { PaymentsDeps } from '../../src/domain/deps';
import { orderReplicaStore } from '../../src/models/order-replica';
import { ensurePaymentIndexes, paymentCollections } from '../../src/models/payment';
import { createStripeClient } from '../../src/stripe/stripe-client';
import { PaymentGateway } from '../../src/stripe/payment-gateway';

/** The service's use-case dependencies on a real database, for calling domain functions directly. */
export async function domainDeps(db: Connection, stripeApiBase: string): Promise<PaymentsDeps> {
  const config = readPaymentsConfig({
    STRIPE_API_BASE: stripeApiBase,
    STRIPE_SECRET_KEY: 'sk_test_domain',
    STRIPE_MAX_NETWORK_RETRIES: '0',
  } as unknown as NodeJS.ProcessEnv);
  const payments = paymentCollections(db);
  await ensurePaymentIndexes(payments);
  const orders = orderReplicaStore(db);
  await orders.ensureIndexes();
  return {
    orders,
    payments,
    gateway: new PaymentGateway(createStripeClient(config), config.stripeWebhookSecret),
    config,
    logger: createLogger('payments-test', 'silent'),
    nudge: () => undefined,
    now: Date.now,
  };
}
