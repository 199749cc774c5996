import { BadRequestError, NotFoundError, ROUTES, createPaymentSchema } from '@bigtix/common';
import { RateLimits, Router, parseBody, requireUser } from '@bigtix/middleware';
import { CardTestingLimits, readCardTestingConfig } from '../domain/card-testing-limits';
import { createPayment } from '../domain/create-payment';
import type { PaymentsDeps } from '../deps';
import { getPayment, listOrderPayments } from '../domain/list-order-payments';
import { PaymentDeclinedError } from '../domain/errors';
import { toPaymentDto } from '../models/payment';

function parseTestCard(body: unknown): string {
  const paymentMethod = (body as { paymentMethod?: unknown } | undefined)?.paymentMethod;
  if (typeof paymentMethod !== 'string' || !/^pm_card_[A-Za-z0-9_]{1,60}$/.test(paymentMethod)) {
    const message = 'paymentMethod must be a Stripe test PaymentMethod such as pm_card_visa';
    throw new BadRequestError(message, [{ message, field: 'paymentMethod' }]);
  }
  return paymentMethod;
}

export interface PaymentsRouterOptions {
  testHelpers: boolean;
  limits: RateLimits;
  env: NodeJS.ProcessEnv;
}

export function paymentsRouter(deps: PaymentsDeps, options: PaymentsRouterOptions): Router {
  const router = new Router({ prefix: ROUTES.payments });
  const cardTesting = new CardTestingLimits(options.limits, readCardTestingConfig(options.env));

  // 201 for a new attempt; 200 when an attempt already in flight is returned (nothing new charged).
  router.post('/new', async (ctx) => {
    const user = requireUser(ctx);
    const input = parseBody(ctx, createPaymentSchema);
    await cardTesting.admit(deps, user, input.orderId);
    const { created, payment } = await createPayment(deps, user, input).catch(async (err: unknown) => {
      if (err instanceof PaymentDeclinedError) await cardTesting.declined(user);
      throw err;
    });
    ctx.status = created ? 201 : 200;
    ctx.body = toPaymentDto(payment);
  });

  // Test mode only: what Stripe.js would do in the browser. The fake Stripe has no Stripe.js, so
  // the web checkout and e2e tests get a ConfirmationToken for a test card here.
  router.post('/test/confirmation-tokens', async (ctx) => {
    if (!options.testHelpers) throw new NotFoundError(`No route for ${ctx.method} ${ctx.path}`);
    requireUser(ctx);
    const paymentMethod = parseTestCard(ctx.request.body);
    ctx.status = 201;
    ctx.body = { id: await deps.gateway.createTestConfirmationToken(paymentMethod) };
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
