import Router from '@koa/router';
import { assertKnownParams, optionalBoolean, optionalString, optionalStringList } from '../lib/params';
import { resourceMissing } from '../lib/stripe-error';
import type { StripeEvent } from '../state/objects';
import type { FakeState } from '../state/types';
import { paginate } from './list';

/** `pending_webhooks` as Stripe reports it now: endpoints that have not yet acknowledged the event. */
export type PendingWebhooks = (event: StripeEvent) => number;

function typeMatcher(pattern: string): (type: string) => boolean {
  // Stripe allows one trailing wildcard: `payment_intent.*`.
  if (pattern.endsWith('*')) return (type) => type.startsWith(pattern.slice(0, -1));
  return (type) => type === pattern;
}

export function eventRoutes(pendingWebhooks: PendingWebhooks): Router<FakeState> {
  const router = new Router<FakeState>();
  const present = (event: StripeEvent): StripeEvent => ({ ...event, pending_webhooks: pendingWebhooks(event) });

  router.get('/v1/events', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, [
      'created',
      'delivery_success',
      'ending_before',
      'expand',
      'limit',
      'starting_after',
      'type',
      'types',
    ]);
    const type = optionalString(params, 'type');
    const types = optionalStringList(params, 'types');
    const deliverySuccess = optionalBoolean(params, 'delivery_success');
    const matchers = (types ?? (type ? [type] : [])).map(typeMatcher);
    const events = [...dc.store.events.values()]
      .filter((e) => matchers.length === 0 || matchers.some((m) => m(e.type)))
      .map(present)
      .filter((e) => deliverySuccess === undefined || (e.pending_webhooks === 0) === deliverySuccess);
    ctx.body = paginate(dc.store, params, 'event', events, '/v1/events');
  });

  router.get('/v1/events/:id', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, ['expand']);
    const event = dc.store.events.get(ctx.params.id);
    if (!event) throw resourceMissing('event', ctx.params.id, 'id');
    ctx.body = present(event);
  });

  return router;
}
