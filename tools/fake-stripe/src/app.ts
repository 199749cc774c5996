import Koa from 'koa';
import { resolveOptions, type FakeStripeOptions } from './config';
import { createControls, type FakeStripeControls } from './controls';
import type { DomainContext } from './domain/context';
import { createClock } from './lib/clock';
import { unrecognizedUrl } from './lib/stripe-error';
import { stripeAuth } from './middleware/auth';
import { domainContext } from './middleware/domain-context';
import { stripeErrors } from './middleware/errors';
import { formBody } from './middleware/form-body';
import { IdempotencyStore, idempotency } from './middleware/idempotency';
import { requestId } from './middleware/request-id';
import { chargeRoutes } from './routes/charges';
import { confirmationTokenRoutes } from './routes/confirmation-tokens';
import { connectRoutes, onboardingRoutes } from './routes/connect';
import { controlRoutes } from './routes/control';
import { eventRoutes } from './routes/events';
import { paymentIntentRoutes } from './routes/payment-intents';
import { refundRoutes } from './routes/refunds';
import type { EventType, StripeEvent } from './state/objects';
import { Store } from './state/store';
import { WebhookDispatcher, type WebhookEndpointConfig } from './webhooks/dispatcher';

export type FakeStripeApp = Koa & {
  controls: FakeStripeControls;
  /** Stops webhook timers and in-flight deliveries (the HTTP server is the caller's to close). */
  shutdown(): void;
  /** Base URL handed out in objects (3-D Secure links) for changes no request caused; set by startFakeStripe. */
  publicUrl: string;
};

/** Builds the fake Stripe API as a Koa app with its own in-memory state. Listening is up to the caller. */
export function createFakeStripe(options: FakeStripeOptions = {}): FakeStripeApp {
  const opts = resolveOptions(options);
  const store = new Store();
  const clock = createClock(opts.now);
  const idempotencyStore = new IdempotencyStore();
  const endpoint: WebhookEndpointConfig = {
    url: opts.webhookUrl,
    secret: opts.webhookSecret,
    enabledEvents: [...opts.enabledEvents],
  };
  const dispatcher = new WebhookDispatcher(() => endpoint, {
    maxAttempts: opts.webhookMaxAttempts,
    retryBaseMs: opts.webhookRetryBaseMs,
    retryMaxMs: opts.webhookRetryMaxMs,
    timeoutMs: opts.webhookTimeoutMs,
    jitterMs: opts.webhookJitterMs,
  });
  if (opts.webhooksPaused) dispatcher.pause();
  const deliver = (events: StripeEvent[]) => {
    for (const event of events) dispatcher.enqueue(event);
  };
  const base = {
    store,
    clock,
    apiVersion: opts.apiVersion,
    webhookEndpointsFor: (type: EventType) => (dispatcher.wants(type) ? 1 : 0),
  };

  const app = new Koa() as FakeStripeApp;
  app.publicUrl = 'http://127.0.0.1';
  const controls = createControls({
    store,
    clock,
    idempotency: idempotencyStore,
    dispatcher,
    endpoint,
    domainContext: (): DomainContext => ({
      ...base,
      origin: app.publicUrl,
      request: { id: null, idempotencyKey: null },
      emitted: [],
    }),
    deliver,
  });
  app.controls = controls;
  app.shutdown = () => dispatcher.close();

  const pendingWebhooks = (event: StripeEvent) => {
    const deliveries = controls.deliveries({ eventId: event.id });
    if (deliveries.some((d) => d.status === 'succeeded')) return 0;
    return event.pending_webhooks;
  };

  app.use(requestId(opts.apiVersion));
  app.use(stripeErrors());
  const control = controlRoutes(controls);
  app.use(control.routes());
  app.use(control.allowedMethods());
  // The seller's browser opens the onboarding link: no API key, events delivered as for API calls.
  app.use(async (ctx, next) => {
    if (!ctx.path.startsWith('/connect/')) return next();
    await domainContext(base, deliver)(ctx, () =>
      onboardingRoutes().routes()(ctx as never, async () => {
        throw unrecognizedUrl(ctx.method, ctx.path);
      }),
    );
  });

  // Everything below is the authenticated Stripe API.
  app.use(async (ctx, next) => {
    if (!ctx.path.startsWith('/v1/') && ctx.path !== '/v1') throw unrecognizedUrl(ctx.method, ctx.path);
    await next();
  });
  app.use(stripeAuth());
  app.use(formBody());
  app.use(idempotency(idempotencyStore, clock));
  app.use(domainContext(base, deliver));
  for (const router of [
    confirmationTokenRoutes(opts.confirmationTokenTtlSeconds),
    paymentIntentRoutes(),
    refundRoutes(),
    chargeRoutes(),
    connectRoutes(),
    eventRoutes(pendingWebhooks),
  ]) {
    app.use(router.routes());
  }
  app.use((ctx) => {
    throw unrecognizedUrl(ctx.method, ctx.path);
  });
  return app;
}
