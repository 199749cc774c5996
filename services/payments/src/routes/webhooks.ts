import { BadRequestError, ROUTES } from '@bigtix/common';
import { Router } from '@bigtix/middleware';
import type { Collection } from 'mongodb';
import type Stripe from 'stripe';
import type { PaymentsDeps } from '../deps';
import { StripeEventDoc, handleStripeEvent } from '../domain/handle-stripe-event';

export function webhooksRouter(deps: PaymentsDeps, stripeEvents: Collection<StripeEventDoc>): Router {
  const router = new Router({ prefix: ROUTES.webhooks });

  // Stripe signs the exact bytes it sent; the body parser keeps them in rawBody. Work is only
  // database writes (events leave through the outbox), so Stripe gets its 200 quickly.
  router.post('/stripe', async (ctx) => {
    const signature = ctx.get('stripe-signature');
    const raw = ctx.request.rawBody;
    if (!signature) throw new BadRequestError('Missing Stripe-Signature header');
    if (!raw || raw.length === 0) throw new BadRequestError('Missing webhook body');
    let event: Stripe.Event;
    try {
      event = deps.gateway.constructEvent(raw, signature);
    } catch {
      throw new BadRequestError('Invalid Stripe signature');
    }
    const outcome = await handleStripeEvent(deps, stripeEvents, event);
    ctx.body = { received: true, outcome };
  });

  return router;
}
