import { newId } from '../lib/ids';
import type { StripeEvent } from '../state/objects';
import { signatureHeader } from './sign';

export interface WebhookEndpointConfig {
  url: string | null;
  secret: string;
  /** Event types delivered; `['*']` for all. */
  enabledEvents: string[];
}

export interface DispatcherOptions {
  maxAttempts: number;
  /** Delay before retry n (1-based) is `retryBaseMs * 2^(n-1)`, capped at `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  timeoutMs: number;
  /** Each first attempt waits a random 0..jitterMs, so deliveries can arrive out of order (as on Stripe). */
  jitterMs: number;
}

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  url: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export type DeliveryStatus = 'pending' | 'in_flight' | 'succeeded' | 'failed';

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  /** True for a delivery asked for with redeliver(): the same event sent again. */
  redelivery: boolean;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
}

/**
 * Sends events to the configured endpoint, asynchronously and with retries. Every delivery is independent:
 * nothing orders deliveries of one PaymentIntent, which is Stripe's contract too.
 */
export class WebhookDispatcher {
  private readonly deliveries: Delivery[] = [];
  private readonly payloads = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private paused = false;
  private closed = false;

  constructor(
    private readonly config: () => WebhookEndpointConfig,
    private readonly options: DispatcherOptions,
  ) {}

  wants(type: string): boolean {
    const { url, enabledEvents } = this.config();
    return !!url && (enabledEvents.includes('*') || enabledEvents.includes(type));
  }

  /** Queues an event; returns undefined when no endpoint takes it. */
  enqueue(event: StripeEvent, redelivery = false): Delivery | undefined {
    if (this.closed || !this.wants(event.type)) return undefined;
    // Stripe sends the event JSON pretty-printed; the exact bytes are what gets signed.
    if (!this.payloads.has(event.id)) this.payloads.set(event.id, JSON.stringify(event, null, 2));
    const delivery: Delivery = {
      id: newId('whdel'),
      eventId: event.id,
      eventType: event.type,
      redelivery,
      status: 'pending',
      attempts: [],
      nextAttemptAt: null,
    };
    this.deliveries.push(delivery);
    const jitter = this.options.jitterMs > 0 ? Math.floor(Math.random() * this.options.jitterMs) : 0;
    this.schedule(delivery, jitter);
    return delivery;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const delivery of this.deliveries) {
      if (delivery.status === 'pending' && !this.timers.has(delivery.id)) this.schedule(delivery, 0);
    }
  }

  isPaused(): boolean {
    return this.paused;
  }

  list(): Delivery[] {
    return this.deliveries.map((d) => structuredClone(d));
  }

  /** No delivery is waiting or in flight. */
  isIdle(): boolean {
    return this.deliveries.every((d) => d.status === 'succeeded' || d.status === 'failed');
  }

  /** Forgets every delivery and cancels pending attempts. */
  reset(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
    this.deliveries.length = 0;
    this.payloads.clear();
    this.paused = false;
  }

  close(): void {
    this.closed = true;
    this.reset();
  }

  private schedule(delivery: Delivery, delayMs: number): void {
    if (this.closed) return;
    delivery.nextAttemptAt = new Date(Date.now() + delayMs).toISOString();
    if (this.paused) return;
    const timer = setTimeout(() => {
      this.timers.delete(delivery.id);
      void this.attempt(delivery);
    }, delayMs);
    timer.unref();
    this.timers.set(delivery.id, timer);
  }

  private async attempt(delivery: Delivery): Promise<void> {
    // Paused after scheduling: resume() picks it up again.
    if (this.paused || this.closed || delivery.status !== 'pending') return;
    const { url, secret } = this.config();
    const payload = this.payloads.get(delivery.eventId);
    if (!url || payload === undefined) {
      delivery.status = 'failed';
      delivery.nextAttemptAt = null;
      return;
    }
    delivery.status = 'in_flight';
    delivery.nextAttemptAt = null;
    const started = Date.now();
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(
      () => controller.abort(new Error(`timed out after ${this.options.timeoutMs} ms`)),
      this.options.timeoutMs,
    );
    timeout.unref();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'cache-control': 'no-cache',
          accept: '*/*; q=0.5, application/xml',
          'stripe-signature': signatureHeader(payload, secret, Math.floor(Date.now() / 1000)),
        },
        body: payload,
        signal: controller.signal,
      });
      statusCode = response.status;
      // Drain the body so the connection is released.
      await response.arrayBuffer().catch(() => undefined);
    } catch (err) {
      error = describeError(err);
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    if (this.closed || !this.deliveries.includes(delivery)) return;
    delivery.attempts.push({
      attempt: delivery.attempts.length + 1,
      at: new Date(started).toISOString(),
      url,
      statusCode,
      error,
      durationMs: Date.now() - started,
    });
    if (statusCode !== null && statusCode >= 200 && statusCode < 300) {
      delivery.status = 'succeeded';
      return;
    }
    if (delivery.attempts.length >= this.options.maxAttempts) {
      delivery.status = 'failed';
      return;
    }
    delivery.status = 'pending';
    const n = delivery.attempts.length;
    this.schedule(delivery, Math.min(this.options.retryBaseMs * 2 ** (n - 1), this.options.retryMaxMs));
  }
}

function describeError(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    if (cause instanceof Error) return `${err.message}: ${cause.message}`;
    return err.message;
  }
  return String(err);
}
