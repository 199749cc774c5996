import { createLogger } from '@bigtix/middleware';
import type { Connection } from 'mongoose';
import { readPaymentsConfig } from '../../src/config';
import type { PaymentsDeps } from '../../src/domain/deps';
import { orderReplicaStore } from '../../src/models/order-replica';
import { ensurePaymentIndexes, paymentCollections } from '../../src/models/payment';
import { createStripeClient } from '../../src/stripe/stripe-client';
import { PaymentGateway } from '../../src/stripe/payment-gateway';
import { ConnectGateway } from '../../src/stripe/connect-gateway';
import { ensureLedgerIndexes, ledgerCollection } from '../../src/models/ledger';
import { ensureRefundFactIndexes, refundFactCollection } from '../../src/models/refund-facts';
import { ensurePayoutIndexes, payoutCollections } from '../../src/models/proceeds';
import { ensureSellerAccountIndexes, sellerAccountCollection } from '../../src/models/seller-account';
import { verifiedSellerCollection } from '../../src/models/verified-sellers';
import type { EventScheduleLookup } from '../../src/ticketmaster/event-schedule';

/** The service's use-case dependencies on a real database, for calling domain functions directly. */
export async function domainDeps(
  db: Connection,
  stripeApiBase: string,
  eventSchedule: EventScheduleLookup = async () => null,
): Promise<PaymentsDeps> {
  const config = readPaymentsConfig({
    STRIPE_API_BASE: stripeApiBase,
    STRIPE_SECRET_KEY: 'sk_test_domain',
    STRIPE_MAX_NETWORK_RETRIES: '0',
  } as unknown as NodeJS.ProcessEnv);
  const payments = paymentCollections(db);
  await ensurePaymentIndexes(payments);
  const orders = orderReplicaStore(db);
  const stripe = createStripeClient(config);
  const payouts = {
    ledger: ledgerCollection(db),
    refunds: refundFactCollection(db),
    store: payoutCollections(db),
    accounts: sellerAccountCollection(db),
    verifiedSellers: verifiedSellerCollection(db),
    connect: new ConnectGateway(stripe),
    eventSchedule,
  };
  await ensureLedgerIndexes(payouts.ledger);
  await ensureRefundFactIndexes(payouts.refunds);
  await ensurePayoutIndexes(payouts.store);
  await ensureSellerAccountIndexes(payouts.accounts);
  return {
    orders,
    payments,
    payouts,
    gateway: new PaymentGateway(stripe, config.stripeWebhookSecret),
    config,
    logger: createLogger('payments-test', 'silent'),
    nudge: () => undefined,
    now: Date.now,
  };
}
