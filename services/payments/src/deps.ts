import type { Notifier } from '@bigtix/mailer';
import type { Logger } from '@bigtix/middleware';
import type { Connection } from 'mongoose';
import type { PaymentsConfig } from './config';
import { OrderReplicaStore, orderReplicaStore } from './models/order-replica';
import { ensurePaymentIndexes, PaymentCollections, paymentCollections } from './models/payment';
import { ensureLedgerIndexes, LedgerCollection, ledgerCollection } from './models/ledger';
import { ensurePayoutIndexes, PayoutCollections, payoutCollections } from './models/proceeds';
import { ensureRefundFactIndexes, RefundFactCollection, refundFactCollection } from './models/refund-facts';
import { ensureSellerAccountIndexes, SellerAccountCollection, sellerAccountCollection } from './models/seller-account';
import { VerifiedSellerCollection, verifiedSellerCollection } from './models/verified-sellers';
import { ConnectGateway } from './adapters/stripe/connect-gateway';
import { PaymentGateway } from './adapters/stripe/payment-gateway';
import { createStripeClient } from './adapters/stripe/stripe-client';
import { EventScheduleLookup, discoveryEventSchedule } from './adapters/ticketmaster/event-schedule';

/** Marketplace money: the ledger, sellers' proceeds and accounts, Stripe Connect, event dates. */
export interface PayoutParts {
  ledger: LedgerCollection;
  /** Refunds seen in Stripe, booked once orders' verdict on their PaymentIntent is known. */
  refunds: RefundFactCollection;
  store: PayoutCollections;
  accounts: SellerAccountCollection;
  /** Sellers whose email auth has verified; only they are paid. */
  verifiedSellers: VerifiedSellerCollection;
  connect: ConnectGateway;
  eventSchedule: EventScheduleLookup;
}

/** What the use cases need, passed in so tests can control the clock and the gateway. */
export interface PaymentsDeps {
  /** The replica of orders (`orders`, claims in `order_versions`): read and applied only through it. */
  orders: OrderReplicaStore;
  payments: PaymentCollections;
  gateway: PaymentGateway;
  config: PaymentsConfig;
  logger: Logger;
  /** Milliseconds since the epoch, for every time a use case decides by. */
  now: () => number;
  payouts: PayoutParts;
  /** Refund notices and "payout sent" (domain/notifications); absent in tests that do not read mail. */
  notifier?: Notifier;
}

export interface PaymentsDepsOptions {
  config: PaymentsConfig;
  logger: Logger;
  /** Where event dates come from: Ticketmaster Discovery (`config.ticketmaster`) unless given. */
  eventSchedule?: EventScheduleLookup;
  notifier?: Notifier;
  /** Told of every failed Stripe request (the service logs them). */
  onStripeError?: (err: unknown) => void;
  now?: () => number;
  nudgeOutbox?: () => void;
}

export function createPaymentsDeps(db: Connection, options: PaymentsDepsOptions): PaymentsDeps {
  const { config, onStripeError } = options;
  const now = options.now ?? Date.now;
  const stripe = createStripeClient(config);
  // The payments store wakes the relay after every change it stores; no use case needs to.
  const nudgeOutbox = options.nudgeOutbox ?? (() => undefined);
  return {
    orders: orderReplicaStore(db, now),
    payments: paymentCollections(db, { onCommit: nudgeOutbox }),
    gateway: new PaymentGateway(stripe, config.stripeWebhookSecret, onStripeError),
    config,
    logger: options.logger,
    now,
    payouts: {
      ledger: ledgerCollection(db),
      refunds: refundFactCollection(db),
      store: payoutCollections(db),
      accounts: sellerAccountCollection(db),
      verifiedSellers: verifiedSellerCollection(db),
      connect: new ConnectGateway(stripe, onStripeError),
      eventSchedule: options.eventSchedule ?? discoveryEventSchedule(config.ticketmaster, now),
    },
    notifier: options.notifier,
  };
}

export async function ensurePaymentsIndexes(deps: PaymentsDeps): Promise<void> {
  await ensurePaymentIndexes(deps.payments);
  await ensureLedgerIndexes(deps.payouts.ledger);
  await ensureRefundFactIndexes(deps.payouts.refunds);
  await ensurePayoutIndexes(deps.payouts.store);
  await ensureSellerAccountIndexes(deps.payouts.accounts);
}
