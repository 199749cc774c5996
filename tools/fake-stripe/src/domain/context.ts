import type { Clock } from '../lib/clock';
import { newId } from '../lib/ids';
import type { EventType, StripeEvent, StripeObject } from '../state/objects';
import type { Store } from '../state/store';

/** Who caused a change: becomes `event.request` (`null`s for changes no API request caused, like a 3DS result). */
export interface RequestInfo {
  id: string | null;
  idempotencyKey: string | null;
}

/** What one domain operation needs. Built per request by the routes, or per call by the JS controls. */
export interface DomainContext {
  store: Store;
  clock: Clock;
  apiVersion: string;
  /** The fake's own origin (http://127.0.0.1:12111), for URLs it hands out. */
  origin: string;
  request: RequestInfo;
  /** How many webhook endpoints will receive an event of this type (Stripe's `pending_webhooks`). */
  webhookEndpointsFor(type: EventType): number;
  /** Events created by this operation; delivered once the API response is on its way, as Stripe does. */
  emitted: StripeEvent[];
}

export function recordEvent(
  dc: DomainContext,
  type: EventType,
  object: StripeObject,
  previousAttributes?: Record<string, unknown>,
): StripeEvent {
  const event: StripeEvent = {
    id: newId('evt'),
    object: 'event',
    api_version: dc.apiVersion,
    created: dc.clock.nowSeconds(),
    // A snapshot: later changes to the object must not rewrite history.
    data: {
      object: structuredClone(object),
      ...(previousAttributes ? { previous_attributes: previousAttributes } : {}),
    },
    livemode: false,
    pending_webhooks: dc.webhookEndpointsFor(type),
    request: { id: dc.request.id, idempotency_key: dc.request.idempotencyKey },
    type,
  };
  dc.store.events.set(event.id, event);
  dc.emitted.push(event);
  return event;
}
