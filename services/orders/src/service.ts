import { ServiceSpec, createServiceApp, createSharedStore, Revocations, untypedCollection } from '@bigtix/middleware';
import { readOrdersConfig } from './config';
import { OrdersDeps, createOrdersDeps, ensureOrdersIndexes } from './deps';
import { onPaymentCreated } from './events/consumers/on-payment-created';
import { onPaymentFailed } from './events/consumers/on-payment-failed';
import { onPaymentSucceeded } from './events/consumers/on-payment-succeeded';
import { onEventUpdated } from './events/consumers/on-event-updated';
import { onTicketCreated } from './events/consumers/on-ticket-created';
import { onTicketUpdated } from './events/consumers/on-ticket-updated';
import { ordersRouter } from './routes/orders';
import { closedEventRescan } from './workers/closed-event-rescan';
import { orderSweeper } from './workers/order-sweeper';

export interface OrdersServiceOptions {
  /** Clock for the use cases and the sweeper (tests move time instead of sleeping). */
  now?: () => number;
  /** Receives the dependencies once built, so tests can call use cases on the running service's database. */
  onDeps?: (deps: OrdersDeps) => void;
}

export function makeOrdersService(options: OrdersServiceOptions = {}): ServiceSpec {
  return {
    name: 'orders',
    defaultPort: 4003,
    async setup(ctx) {
      const deps = createOrdersDeps(ctx.db, {
        config: readOrdersConfig(ctx.env),
        logger: ctx.logger,
        now: options.now,
        nudgeOutbox: ctx.nudgeOutbox,
      });
      await ensureOrdersIndexes(deps);
      options.onDeps?.(deps);
      const store = createSharedStore(ctx.env, ctx.logger);
      const app = createServiceApp({
        name: 'orders',
        logger: ctx.logger,
        jwtSecret: ctx.config.jwtSecret,
        trustedProxies: ctx.config.trustedProxies,
        revocations: new Revocations(store, ctx.logger),
        readiness: ctx.readiness,
        bodyLimitBytes: 64 * 1024,
        routers: [ordersRouter(deps, store.limits)],
      });
      return {
        app,
        // Two queues: a 10,000-ticket bulk listing fills `orders.tickets` while payments are
        // applied from `orders.payments` at once.
        consumers: [
          {
            name: 'payments',
            handlers: {
              'payment.created': onPaymentCreated(deps),
              'payment.succeeded': onPaymentSucceeded(deps),
              'payment.failed': onPaymentFailed(deps),
              // Money: a cancelled event's orders are cancelled and refunded from it.
              'event.updated': onEventUpdated(deps),
            },
          },
          {
            name: 'tickets',
            handlers: {
              'ticket.created': onTicketCreated(deps),
              'ticket.updated': onTicketUpdated(deps),
            },
          },
        ],
        outbox: [
          deps.orders.outboxSource(),
          { collection: deps.rejections },
          { collection: untypedCollection(deps.eventRefunds) },
        ],
        workers: [store.worker, orderSweeper(deps), closedEventRescan(deps)],
      };
    },
  };
}

export const ordersService: ServiceSpec = makeOrdersService();
