import Router from '@koa/router';
import { assertKnownParams, optionalString } from '../lib/params';
import { resourceMissing } from '../lib/stripe-error';
import type { FakeState } from '../state/types';
import { paginate } from './list';
import { render } from './render';

/** Read-only: charges and PaymentMethods only come into being through PaymentIntents here. */
export function chargeRoutes(): Router<FakeState> {
  const router = new Router<FakeState>();

  router.get('/v1/charges', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, ['created', 'ending_before', 'expand', 'limit', 'payment_intent', 'starting_after']);
    const paymentIntent = optionalString(params, 'payment_intent');
    const charges = [...dc.store.charges.values()].filter((c) => !paymentIntent || c.payment_intent === paymentIntent);
    ctx.body = paginate(dc.store, params, 'charge', charges, '/v1/charges');
  });

  router.get('/v1/charges/:id', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, ['expand']);
    const charge = dc.store.charges.get(ctx.params.id);
    if (!charge) throw resourceMissing('charge', ctx.params.id, 'id');
    ctx.body = render(dc.store, params, charge);
  });

  router.get('/v1/payment_methods/:id', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, ['expand']);
    const pm = dc.store.paymentMethods.get(ctx.params.id);
    if (!pm) throw resourceMissing('PaymentMethod', ctx.params.id, 'payment_method');
    ctx.body = pm;
  });

  return router;
}
