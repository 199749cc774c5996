import { SearchGuard, readSearchGuardConfig } from './domain/search-guard';
import { ServiceSpec, createServiceApp, createSharedStore, Revocations } from '@bigtix/middleware';
import { readTicketsConfig } from './config';
import { createTicketsDeps } from './deps';
import { onEventUpdated } from './events/consumers/on-event-updated';
import { eventSyncWorker } from './workers/event-sync';
import { onOrderCancelled } from './events/consumers/on-order-cancelled';
import { onOrderCreated } from './events/consumers/on-order-created';
import { onOrderPaid } from './events/consumers/on-order-paid';
import { eventsRouter } from './routes/events';
import { ticketsRouter } from './routes/tickets';
import { listingsRouter } from './routes/listings';
import { readFeeSchedule } from '@bigtix/common';
import { createMailer, createNotifier } from '@bigtix/mailer';
import { TicketmasterClient } from './adapters/ticketmaster/ticketmaster-client';

export const ticketsService: ServiceSpec = {
  name: 'tickets',
  defaultPort: 4002,
  async setup(ctx) {
    const config = readTicketsConfig(ctx.env);
    const tm = config.ticketmaster;
    if (tm.usingFake)
      ctx.logger.info({ baseUrl: tm.baseUrl }, 'TICKETMASTER_CONSUMER_KEY is not set: using the fake Ticketmaster');
    const client = new TicketmasterClient({ ...tm, logger: ctx.logger });
    const c = await createTicketsDeps(ctx.db, client, {
      eventCacheTtlMs: tm.eventCacheTtlMs,
      listingCacheMs: config.listingCacheMs,
      nudgeOutbox: ctx.nudgeOutbox,
      fees: readFeeSchedule(ctx.env),
    });

    // Receipts, "your listing sold" and event notices, once per fact (domain/notifications).
    const mailer = await createMailer(ctx.env, ctx.db.db!, ctx.logger);
    const notifier = await createNotifier(mailer, ctx.db.db!, ctx.logger);

    const store = createSharedStore(ctx.env, ctx.logger);
    const app = createServiceApp({
      name: 'tickets',
      logger: ctx.logger,
      jwtSecret: ctx.config.jwtSecret,
      trustedProxies: ctx.config.trustedProxies,
      revocations: new Revocations(store, ctx.logger),
      readiness: ctx.readiness,
      // A 1000-row bulk listing with long descriptions stays well under 2 MB.
      bodyLimitBytes: 2 * 1024 * 1024,
      routers: [
        ticketsRouter(c),
        listingsRouter(c),
        eventsRouter(c, client, new SearchGuard(store, readSearchGuardConfig(ctx.env), ctx.logger)),
      ],
    });
    return {
      app,
      workers: [
        store.worker,
        mailer.worker(),
        eventSyncWorker(c, c.eventStatuses, client, {
          baseMs: config.eventSyncMs,
          minMs: Math.min(config.eventSyncMinMs, config.eventSyncMs),
          logger: ctx.logger,
        }),
      ],
      outbox: [c.store.outboxSource(), c.listingStore.outboxSource(), c.eventStatuses.outboxSource()],
      consumers: [
        {
          name: 'events',
          handlers: {
            'order.created': onOrderCreated(c),
            'order.cancelled': onOrderCancelled(c),
            'order.paid': onOrderPaid(c, ctx.logger, notifier),
            'event.updated': onEventUpdated(c, notifier),
            'user.registered': notifier.onUserRegistered(),
          },
        },
      ],
    };
  },
};
