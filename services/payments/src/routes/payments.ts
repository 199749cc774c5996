import { ROUTES, createPaymentSchema } from '@bigtix/common';
import { Router, parseBody, requireUser } from '@bigtix/middleware';
import { createPayment } from '../domain/create-payment';
import type { PaymentsDeps } from '../domain/deps';
import { getPayment, listOrderPayments } from '../domain/list-order-payments';
import { toPaymentDto } from '../models/payment';

export function paymentsRouter(deps: PaymentsDeps): Router {
  const router = new Router({ prefix: ROUTES.payments });

  // 201 for a new attempt; 200 when an attempt already in flight is returned (nothing new charged).
  router.post('/new', async (ctx) => {
    const user = requireUser(ctx);
    const input = parseBody(ctx, createPaymentSchema);
    const { created, payment } = await createPayment(deps, user, input);
    ctx.status = created ? 201 : 200;
    ctx.body = toPaymentDto(payment);
  });

  router.get('/order/:orderId', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = { items: await listOrderPayments(deps, user.id, ctx.params.orderId), nextCursor: null };
  });

  router.get('/:id', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await getPayment(deps, user.id, ctx.params.id);
  });

  return router;
}
