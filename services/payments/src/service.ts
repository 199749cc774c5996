import { ServiceSpec, createServiceApp, createSharedStore, Revocations } from '@bigtix/middleware';
import { readPaymentsConfig } from './config';
import type { PaymentsDeps } from './domain/deps';
import { onOrderCancelled } from './events/consumers/on-order-cancelled';
import { onOrderCreated } from './events/consumers/on-order-created';
import { onOrderPaid } from './events/consumers/on-order-paid';
import { onOrderPaymentRejected } from './events/consumers/on-order-payment-rejected';
import { onOrderRefundRequested } from './events/consumers/on-order-refund-requested';
import { onOrderUpdated } from './events/consumers/on-order-updated';
import { nativeCollection } from './models/collections';
import { ensureLedgerIndexes, ledgerCollection } from './models/ledger';
import { ensureRefundFactIndexes, refundFactCollection } from './models/refund-facts';
import { ensurePayoutIndexes, payoutCollections } from './models/proceeds';
import { ensureSellerAccountIndexes, sellerAccountCollection } from './models/seller-account';
import { legacyOrderChangesSource, orderReplicaStore } from './models/order-replica';
import { ensurePaymentIndexes, paymentCollections } from './models/payment';
import { paymentsRouter } from './routes/payments';
import { payoutsRouter } from './routes/payouts';
import { webhooksRouter } from './routes/webhooks';
import { createStripeClient } from './stripe/stripe-client';
import { ConnectGateway } from './stripe/connect-gateway';
import { PaymentGateway } from './stripe/payment-gateway';
import { discoveryEventSchedule } from './ticketmaster/event-schedule';
import { payoutWorker } from './workers/payout-worker';
import { verifiedSellerCollection } from './models/verified-sellers';
import { onUserEmailVerified } from './events/consumers/on-user-email-verified';
import { createMailer, createNotifier } from '@bigtix/mailer';

export const paymentsService: ServiceSpec = {
  name: 'payments',
  defaultPort: 4004,
  async setup(ctx) {
    const config = readPaymentsConfig(ctx.env);
    const orders = orderReplicaStore(ctx.db);
    const payments = paymentCollections(ctx.db);
    await ensurePaymentIndexes(payments);
    const stripeEvents = nativeCollection(ctx.db, 'stripe_events');
    const stripe = createStripeClient(config);
    const onStripeError = (err: unknown) => ctx.logger.error({ err }, 'Stripe request failed');
    const gateway = new PaymentGateway(stripe, config.stripeWebhookSecret, onStripeError);
    const payouts = {
      ledger: ledgerCollection(ctx.db),
      refunds: refundFactCollection(ctx.db),
      store: payoutCollections(ctx.db),
      accounts: sellerAccountCollection(ctx.db),
      verifiedSellers: verifiedSellerCollection(ctx.db),
      connect: new ConnectGateway(stripe, onStripeError),
      eventSchedule: discoveryEventSchedule(config.ticketmaster),
    };
    await ensureLedgerIndexes(payouts.ledger);
    await ensureRefundFactIndexes(payouts.refunds);
    await ensurePayoutIndexes(payouts.store);
    await ensureSellerAccountIndexes(payouts.accounts);
    // Refund notices and "payout sent", once per fact (domain/notifications).
    const mailer = await createMailer(ctx.env, ctx.db.db!, ctx.logger);
    const notifier = await createNotifier(mailer, ctx.db.db!, ctx.logger);
    ctx.logger.info({ stripeApi: config.stripeApiBase ?? 'https://api.stripe.com' }, 'payments: Stripe endpoint');
    const deps: PaymentsDeps = {
      orders,
      payments,
      gateway,
      config,
      logger: ctx.logger,
      nudge: ctx.nudgeOutbox,
      now: Date.now,
      payouts,
      notifier,
    };

    const store = createSharedStore(ctx.env, ctx.logger);
    const app = createServiceApp({
      name: 'payments',
      logger: ctx.logger,
      jwtSecret: ctx.config.jwtSecret,
      trustedProxies: ctx.config.trustedProxies,
      revocations: new Revocations(store, ctx.logger),
      readiness: ctx.readiness,
      // Stripe events are a few kB; this leaves room for large ones without inviting abuse.
      bodyLimitBytes: 256 * 1024,
      routers: [
        paymentsRouter(deps, { testHelpers: config.testHelpers, limits: store.limits, env: ctx.env }),
        payoutsRouter(deps),
        webhooksRouter(deps, stripeEvents),
      ],
    });
    return {
      app,
      consumers: [
        {
          name: 'events',
          handlers: {
            'order.created': onOrderCreated(deps),
            'order.updated': onOrderUpdated(deps),
            'order.cancelled': onOrderCancelled(deps),
            'order.paid': onOrderPaid(deps),
            'order.payment-rejected': onOrderPaymentRejected(deps),
            'user.email-verified': onUserEmailVerified(deps),
            'order.refund-requested': onOrderRefundRequested(deps),
            'user.registered': notifier.onUserRegistered(),
          },
        },
      ],
      outbox: [payments.store.outboxSource(), legacyOrderChangesSource(ctx.db)],
      workers: [store.worker, payoutWorker(deps), mailer.worker()],
    };
  },
};
