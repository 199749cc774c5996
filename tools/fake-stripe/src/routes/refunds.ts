import Router from '@koa/router';
import { createRefund } from '../domain/create-refund';
import { assertKnownParams, optionalString } from '../lib/params';
import { resourceMissing } from '../lib/stripe-error';
import type { FakeState } from '../state/types';
import { paginate } from './list';
import { render } from './render';

export function refundRoutes(): Router<FakeState> {
  const router = new Router<FakeState>();

  router.post('/v1/refunds', (ctx) => {
    const { dc, params } = ctx.state;
    ctx.body = render(dc.store, params, createRefund(dc, params));
  });

  router.get('/v1/refunds', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, [
      'charge',
      'created',
      'ending_before',
      'expand',
      'limit',
      'payment_intent',
      'starting_after',
    ]);
    const paymentIntent = optionalString(params, 'payment_intent');
    const charge = optionalString(params, 'charge');
    const refunds = [...dc.store.refunds.values()].filter(
      (r) => (!paymentIntent || r.payment_intent === paymentIntent) && (!charge || r.charge === charge),
    );
    ctx.body = paginate(dc.store, params, 'refund', refunds, '/v1/refunds');
  });

  router.get('/v1/refunds/:id', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, ['expand']);
    const refund = dc.store.refunds.get(ctx.params.id);
    if (!refund) throw resourceMissing('refund', ctx.params.id, 'refund');
    ctx.body = render(dc.store, params, refund);
  });

  return router;
}
