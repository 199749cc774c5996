import { ServiceSpec, createServiceApp, createSharedStore, Revocations } from '@bigtix/middleware';
import { readPaymentsConfig } from './config';
import type { PaymentsDeps } from './domain/deps';
import { onOrderCancelled } from './events/consumers/on-order-cancelled';
import { onOrderCreated } from './events/consumers/on-order-created';
import { onOrderPaid } from './events/consumers/on-order-paid';
import { onOrderPaymentRejected } from './events/consumers/on-order-payment-rejected';
import { onOrderUpdated } from './events/consumers/on-order-updated';
import { nativeCollection } from './models/collections';
import { orderReplicaStore } from './models/order-replica';
import { ensurePaymentIndexes, paymentCollections } from './models/payment';
import { paymentsRouter } from './routes/payments';
import { webhooksRouter } from './routes/webhooks';
import { createStripeClient } from './stripe/stripe-client';
import { PaymentGateway } from './stripe/payment-gateway';

export const paymentsService: ServiceSpec = {
  name: 'payments',
  defaultPort: 4004,
  async setup(ctx) {
    const config = readPaymentsConfig(ctx.env);
    const orders = orderReplicaStore(ctx.db);
    const payments = paymentCollections(ctx.db);
    await ensurePaymentIndexes(payments);
    await orders.ensureIndexes();
    const stripeEvents = nativeCollection(ctx.db, 'stripe_events');
    const gateway = new PaymentGateway(createStripeClient(config), config.stripeWebhookSecret, (err) =>
      ctx.logger.error({ err }, 'Stripe request failed'),
    );
    ctx.logger.info({ stripeApi: config.stripeApiBase ?? 'https://api.stripe.com' }, 'payments: Stripe endpoint');
    const deps: PaymentsDeps = {
      orders,
      payments,
      gateway,
      config,
      logger: ctx.logger,
      nudge: ctx.nudgeOutbox,
      now: Date.now,
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
        webhooksRouter(deps, stripeEvents),
      ],
    });
    return {
      app,
      workers: [store.worker],
      consumers: {
        'order.created': onOrderCreated(deps),
        'order.updated': onOrderUpdated(deps),
        'order.cancelled': onOrderCancelled(deps),
        'order.paid': onOrderPaid(deps),
        'order.payment-rejected': onOrderPaymentRejected(deps),
      },
      outbox: [payments.store.outboxSource(), orders.outboxSource()],
    };
  },
};
