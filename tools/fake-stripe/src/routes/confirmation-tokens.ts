import Router from '@koa/router';
import { createConfirmationToken } from '../domain/create-confirmation-token';
import { assertKnownParams } from '../lib/params';
import { resourceMissing } from '../lib/stripe-error';
import type { FakeState } from '../state/types';
import { render } from './render';

export function confirmationTokenRoutes(tokenTtlSeconds: number): Router<FakeState> {
  const router = new Router<FakeState>();

  // Stripe's server-side test helper: what Elements creates in the browser, made from a test PaymentMethod.
  router.post('/v1/test_helpers/confirmation_tokens', (ctx) => {
    const { dc, params } = ctx.state;
    ctx.body = render(dc.store, params, createConfirmationToken(dc, params, tokenTtlSeconds));
  });

  router.get('/v1/confirmation_tokens/:id', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, ['expand']);
    const token = dc.store.confirmationTokens.get(ctx.params.id);
    if (!token) throw resourceMissing('confirmationtoken', ctx.params.id, 'confirmation_token');
    ctx.body = render(dc.store, params, token);
  });

  return router;
}
