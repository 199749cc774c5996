import { ServiceSpec, createServiceApp, createSharedStore, Revocations } from '@bigtix/middleware';
import { readPaymentsConfig } from './config';
import { createPaymentsDeps, ensurePaymentsIndexes } from './deps';
import type { StripeEventDoc } from './domain/handle-stripe-event';
import { onOrderCancelled } from './events/consumers/on-order-cancelled';
import { onOrderCreated } from './events/consumers/on-order-created';
import { onOrderPaid } from './events/consumers/on-order-paid';
import { onOrderPaymentRejected } from './events/consumers/on-order-payment-rejected';
import { onOrderRefundRequested } from './events/consumers/on-order-refund-requested';
import { onOrderUpdated } from './events/consumers/on-order-updated';
import { nativeCollection } from './models/collections';
import { legacyOrderChangesSource } from './models/order-replica';
import { paymentsRouter } from './routes/payments';
import { payoutsRouter } from './routes/payouts';
import { webhooksRouter } from './routes/webhooks';
import { payoutWorker } from './workers/payout-worker';
import { onUserEmailVerified } from './events/consumers/on-user-email-verified';
import { createMailer, createNotifier } from '@bigtix/mailer';

export const paymentsService: ServiceSpec = {
  name: 'payments',
  defaultPort: 4004,
  async setup(ctx) {
    const config = readPaymentsConfig(ctx.env);
    const stripeEvents = nativeCollection<StripeEventDoc>(ctx.db, 'stripe_events');
    // Refund notices and "payout sent", once per fact (domain/notifications).
    const mailer = await createMailer(ctx.env, ctx.db.db!, ctx.logger);
    const notifier = await createNotifier(mailer, ctx.db.db!, ctx.logger);
    ctx.logger.info({ stripeApi: config.stripeApiBase ?? 'https://api.stripe.com' }, 'payments: Stripe endpoint');
    const deps = createPaymentsDeps(ctx.db, {
      config,
      logger: ctx.logger,
      notifier,
      onStripeError: (err) => ctx.logger.error({ err }, 'Stripe request failed'),
      now: Date.now,
      nudgeOutbox: ctx.nudgeOutbox,
    });
    await ensurePaymentsIndexes(deps);

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
      outbox: [deps.payments.store.outboxSource(), legacyOrderChangesSource(ctx.db, deps.now)],
      workers: [store.worker, payoutWorker(deps), mailer.worker()],
    };
  },
};
