import { ROUTES, salesQuerySchema } from '@bigtix/common';
import { Router, parseQuery, requireUser } from '@bigtix/middleware';
import type { PaymentsDeps } from '../deps';
import { listSales, summarizeSales } from '../domain/payouts/list-sales';
import { onboardSeller, payoutAccountOf } from '../domain/payouts/onboard-seller';

export function payoutsRouter(deps: PaymentsDeps): Router {
  const router = new Router({ prefix: ROUTES.payouts });

  // Public: the fee schedule new orders are priced with (the CLI prints proceeds with it).
  router.get('/fees', (ctx) => {
    ctx.body = deps.config.fees;
  });

  router.post('/account', async (ctx) => {
    const user = requireUser(ctx);
    ctx.status = 201;
    ctx.body = await onboardSeller(deps, user);
  });

  router.get('/account', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await payoutAccountOf(deps, user.id);
  });

  router.get('/summary', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await summarizeSales(deps, user.id);
  });

  router.get('/', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await listSales(deps, user.id, parseQuery(ctx, salesQuerySchema));
  });

  return router;
}
