import type { DomainContext } from './domain/context';
import { finishAuthentication } from './domain/confirm-payment-intent';
import { findPaymentIntent } from './domain/find';
import type { Clock } from './lib/clock';
import { invalidRequest, resourceMissing } from './lib/stripe-error';
import type { IdempotencyStore } from './middleware/idempotency';
import type { PaymentIntent, StripeEvent } from './state/objects';
import type { Store } from './state/store';
import type { Delivery, DeliveryStatus, WebhookDispatcher, WebhookEndpointConfig } from './webhooks/dispatcher';

export interface DeliveryFilter {
  eventId?: string;
  type?: string;
  status?: DeliveryStatus;
}

/** Test controls: the same operations are served over HTTP under `/__control` (see routes/control.ts). */
export interface FakeStripeControls {
  /** Hold webhook deliveries (events still happen); simulates late webhooks. */
  pauseWebhooks(): void;
  /** Send everything held, then deliver normally again. */
  resumeWebhooks(): void;
  webhooksPaused(): boolean;
  webhookConfig(): WebhookEndpointConfig;
  /** Change the endpoint at runtime; applies to deliveries attempted from now on. */
  setWebhook(config: Partial<WebhookEndpointConfig>): WebhookEndpointConfig;
  deliveries(filter?: DeliveryFilter): Delivery[];
  /** Send an event again (a new delivery, freshly signed): tests that replays change nothing. */
  redeliver(eventId: string): Delivery;
  /** Resolves once no delivery is pending or in flight; rejects after timeoutMs. */
  waitForIdle(timeoutMs?: number): Promise<void>;
  events(filter?: { type?: string }): StripeEvent[];
  paymentIntent(id: string): PaymentIntent | undefined;
  /** Finish a 3-D Secure challenge as the customer would. */
  authenticatePaymentIntent(id: string, outcome: 'succeed' | 'fail'): PaymentIntent;
  /** Move object time forward (ConfirmationToken expiry, idempotency key expiry). */
  advanceClock(seconds: number): void;
  /** Forget all objects, events, deliveries and idempotency keys; unpause; keep the endpoint config. */
  reset(): void;
}

export interface ControlDeps {
  store: Store;
  clock: Clock;
  idempotency: IdempotencyStore;
  dispatcher: WebhookDispatcher;
  endpoint: WebhookEndpointConfig;
  /** A DomainContext for changes no API request caused. */
  domainContext(): DomainContext;
  deliver(events: StripeEvent[]): void;
}

export function createControls(deps: ControlDeps): FakeStripeControls {
  const { store, clock, dispatcher, endpoint } = deps;
  return {
    pauseWebhooks: () => dispatcher.pause(),
    resumeWebhooks: () => dispatcher.resume(),
    webhooksPaused: () => dispatcher.isPaused(),
    webhookConfig: () => ({ ...endpoint, enabledEvents: [...endpoint.enabledEvents] }),
    setWebhook(config) {
      if (config.url !== undefined) endpoint.url = config.url || null;
      if (config.secret !== undefined) {
        if (!config.secret) throw invalidRequest('secret must not be empty', { param: 'secret' });
        endpoint.secret = config.secret;
      }
      if (config.enabledEvents !== undefined) endpoint.enabledEvents = [...config.enabledEvents];
      return { ...endpoint, enabledEvents: [...endpoint.enabledEvents] };
    },
    deliveries: (filter = {}) =>
      dispatcher
        .list()
        .filter(
          (d) =>
            (!filter.eventId || d.eventId === filter.eventId) &&
            (!filter.type || d.eventType === filter.type) &&
            (!filter.status || d.status === filter.status),
        ),
    redeliver(eventId) {
      const event = store.events.get(eventId);
      if (!event) throw resourceMissing('event', eventId, 'id');
      if (!endpoint.url) throw invalidRequest('No webhook URL is configured; set one first.', { param: 'url' });
      const delivery = dispatcher.enqueue(event, true);
      if (!delivery) throw invalidRequest(`The webhook endpoint does not take ${event.type} events.`);
      return delivery;
    },
    async waitForIdle(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!dispatcher.isIdle()) {
        if (Date.now() > deadline) throw new Error(`webhook deliveries still pending after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    events: (filter = {}) => [...store.events.values()].filter((e) => !filter.type || e.type === filter.type),
    paymentIntent: (id) => store.paymentIntents.get(id),
    authenticatePaymentIntent(id, outcome) {
      const dc = deps.domainContext();
      const pi = finishAuthentication(dc, findPaymentIntent(dc, id), outcome);
      deps.deliver(dc.emitted);
      return pi;
    },
    advanceClock: (seconds) => clock.advance(seconds),
    reset() {
      store.reset();
      deps.idempotency.reset();
      dispatcher.reset();
      clock.reset();
    },
  };
}
