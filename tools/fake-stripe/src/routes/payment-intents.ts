import Router from '@koa/router';
import { cancelPaymentIntent } from '../domain/cancel-payment-intent';
import { capturePaymentIntent } from '../domain/capture-payment-intent';
import { finishAuthentication } from '../domain/confirm-payment-intent';
import { confirmPaymentIntent } from '../domain/confirm-payment-intent-request';
import { createPaymentIntent } from '../domain/create-payment-intent';
import { findPaymentIntent } from '../domain/find';
import { updatePaymentIntent } from '../domain/update-payment-intent';
import { assertKnownParams, optionalEnum } from '../lib/params';
import { missingParam } from '../lib/stripe-error';
import type { FakeState } from '../state/types';
import { paginate } from './list';
import { render } from './render';

const LIST_PARAMS = ['created', 'customer', 'customer_account', 'ending_before', 'expand', 'limit', 'starting_after'];

export function paymentIntentRoutes(): Router<FakeState> {
  const router = new Router<FakeState>();

  router.post('/v1/payment_intents', (ctx) => {
    const { dc, params } = ctx.state;
    ctx.body = render(dc.store, params, createPaymentIntent(dc, params));
  });

  router.get('/v1/payment_intents', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, LIST_PARAMS);
    ctx.body = paginate(dc.store, params, 'payment_intent', dc.store.paymentIntents.values(), '/v1/payment_intents');
  });

  router.get('/v1/payment_intents/:id', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, ['client_secret', 'expand']);
    ctx.body = render(dc.store, params, findPaymentIntent(dc, ctx.params.id));
  });

  router.post('/v1/payment_intents/:id', (ctx) => {
    const { dc, params } = ctx.state;
    ctx.body = render(dc.store, params, updatePaymentIntent(dc, ctx.params.id, params));
  });

  router.post('/v1/payment_intents/:id/confirm', (ctx) => {
    const { dc, params } = ctx.state;
    ctx.body = render(dc.store, params, confirmPaymentIntent(dc, ctx.params.id, params));
  });

  router.post('/v1/payment_intents/:id/cancel', (ctx) => {
    const { dc, params } = ctx.state;
    ctx.body = render(dc.store, params, cancelPaymentIntent(dc, ctx.params.id, params));
  });

  router.post('/v1/payment_intents/:id/capture', (ctx) => {
    const { dc, params } = ctx.state;
    ctx.body = render(dc.store, params, capturePaymentIntent(dc, ctx.params.id, params));
  });

  // Fake-only: completes a 3-D Secure challenge, as the customer's browser would with stripe.handleNextAction.
  router.post('/v1/test_helpers/payment_intents/:id/authenticate', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, ['outcome', 'expand']);
    const outcome = optionalEnum(params, 'outcome', ['succeed', 'fail'] as const);
    if (!outcome) throw missingParam('outcome');
    const pi = findPaymentIntent(dc, ctx.params.id);
    // The result comes from the customer, not from an API call of the merchant.
    dc.request = { id: null, idempotencyKey: null };
    ctx.body = render(dc.store, params, finishAuthentication(dc, pi, outcome));
  });

  return router;
}
