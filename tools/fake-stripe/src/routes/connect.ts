import Router from '@koa/router';
import { completeOnboarding, createAccount, createAccountLink, retrieveAccount } from '../domain/connect-accounts';
import { createReversal, createTransfer, findTransfer } from '../domain/transfers';
import { assertKnownParams, optionalString } from '../lib/params';
import { resourceMissing } from '../lib/stripe-error';
import type { FakeState } from '../state/types';
import { paginate } from './list';
import { render } from './render';

/** Connect: accounts, account links, transfers and their reversals, balance transactions. */
export function connectRoutes(): Router<FakeState> {
  const router = new Router<FakeState>();

  router.post('/v1/accounts', (ctx) => {
    const { dc, params } = ctx.state;
    ctx.body = render(dc.store, params, createAccount(dc, params));
  });

  router.get('/v1/accounts/:id', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, ['expand']);
    ctx.body = render(dc.store, params, retrieveAccount(dc, ctx.params.id));
  });

  router.post('/v1/account_links', (ctx) => {
    const { dc, params } = ctx.state;
    ctx.body = createAccountLink(dc, params);
  });

  router.post('/v1/transfers', (ctx) => {
    const { dc, params } = ctx.state;
    ctx.body = render(dc.store, params, createTransfer(dc, params));
  });

  router.get('/v1/transfers', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, [
      'created',
      'destination',
      'ending_before',
      'expand',
      'limit',
      'starting_after',
      'transfer_group',
    ]);
    const group = optionalString(params, 'transfer_group');
    const destination = optionalString(params, 'destination');
    const transfers = [...dc.store.transfers.values()].filter(
      (t) => (!group || t.transfer_group === group) && (!destination || t.destination === destination),
    );
    ctx.body = paginate(dc.store, params, 'transfer', transfers, '/v1/transfers');
  });

  router.get('/v1/transfers/:id', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, ['expand']);
    ctx.body = render(dc.store, params, findTransfer(dc, ctx.params.id));
  });

  router.post('/v1/transfers/:id/reversals', (ctx) => {
    const { dc, params } = ctx.state;
    ctx.body = render(dc.store, params, createReversal(dc, ctx.params.id, params));
  });

  router.get('/v1/transfers/:id/reversals', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, ['ending_before', 'expand', 'limit', 'starting_after']);
    const transfer = findTransfer(dc, ctx.params.id);
    const reversals = [...dc.store.transferReversals.values()].filter((r) => r.transfer === transfer.id);
    ctx.body = paginate(dc.store, params, 'transfer_reversal', reversals, `/v1/transfers/${transfer.id}/reversals`);
  });

  router.get('/v1/transfers/:id/reversals/:reversal', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, ['expand']);
    const transfer = findTransfer(dc, ctx.params.id);
    const reversal = dc.store.transferReversals.get(ctx.params.reversal);
    if (!reversal || reversal.transfer !== transfer.id)
      throw resourceMissing('transfer_reversal', ctx.params.reversal, 'id');
    ctx.body = render(dc.store, params, reversal);
  });

  router.get('/v1/balance_transactions', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, [
      'created',
      'currency',
      'ending_before',
      'expand',
      'limit',
      'payout',
      'source',
      'starting_after',
      'type',
    ]);
    const type = optionalString(params, 'type');
    const source = optionalString(params, 'source');
    const txns = [...dc.store.balanceTransactions.values()].filter(
      (t) => (!type || t.type === type) && (!source || t.source === source),
    );
    ctx.body = paginate(dc.store, params, 'balance_transaction', txns, '/v1/balance_transactions');
  });

  router.get('/v1/balance_transactions/:id', (ctx) => {
    const { dc, params } = ctx.state;
    assertKnownParams(params, ['expand']);
    const txn = dc.store.balanceTransactions.get(ctx.params.id);
    if (!txn) throw resourceMissing('balance_transaction', ctx.params.id, 'id');
    ctx.body = render(dc.store, params, txn);
  });

  return router;
}

/**
 * The hosted onboarding page (outside /v1, no API key: the seller's browser opens it). The fake
 * asks nothing: opening it completes onboarding, sends `account.updated` and redirects to the
 * platform's `return_url`, as Stripe does when the seller finishes the form.
 */
export function onboardingRoutes(): Router<FakeState> {
  const router = new Router<FakeState>();
  router.get('/connect/onboarding/:token', (ctx) => {
    const result = completeOnboarding(ctx.state.dc, ctx.params.token);
    if (result.kind === 'expired') {
      ctx.status = 410;
      ctx.type = 'text/html';
      ctx.body =
        '<!doctype html><title>Link expired</title><p>This onboarding link has expired or was used. Ask for a new one.</p>';
      return;
    }
    ctx.redirect(result.returnUrl);
  });
  return router;
}
