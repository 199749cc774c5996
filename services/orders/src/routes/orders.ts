import { ROUTES, createOrderSchema, listQuerySchema, listingOrderSchema, updateOrderSchema } from '@bigtix/common';
import { RateLimits, Router, parseBody, parseQuery, requireUser } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import { cancelOrder } from '../domain/cancel-order';
import { createListingOrder } from '../domain/create-listing-order';
import { createOrder } from '../domain/create-order';
import { SlotsRead, checkHoldLimit, claimHoldSlots } from '../domain/enforce-hold-limit';
import { getOwnOrder } from '../domain/get-order';
import { listOrders } from '../domain/list-orders';
import { withEventFacts } from '../domain/with-event-facts';
import { OrderLimits } from '../domain/order-limits';
import { toOrderDto } from '../models/order';

export function ordersRouter(deps: OrdersDeps, limits: RateLimits): Router {
  const router = new Router({ prefix: ROUTES.orders });
  const orderLimits = new OrderLimits(limits, deps.config);

  router.get('/', async (ctx) => {
    const user = requireUser(ctx);
    const page = await listOrders(deps, user, parseQuery(ctx, listQuerySchema));
    ctx.body = { ...page, items: await Promise.all(page.items.map((o) => withEventFacts(deps, o))) };
  });

  router.get('/:id', async (ctx) => {
    ctx.body = await withEventFacts(deps, toOrderDto(await getOwnOrder(deps, requireUser(ctx), ctx.params.id)));
  });

  router.post('/', async (ctx) => {
    const user = requireUser(ctx);
    const body = ctx.request.body;
    if (typeof body === 'object' && body !== null && 'listingId' in body) {
      const wanted = parseBody(ctx, listingOrderSchema);
      await orderLimits.admit(user, ctx.ip);
      const slots = await checkHoldLimit(deps, user, wanted.quantity);
      const order = await createListingOrder(deps, user, wanted);
      await claimHoldSlots(deps, user, order, slots);
      ctx.status = 201;
      ctx.body = toOrderDto(order);
      return;
    }
    const input = parseBody(ctx, createOrderSchema);
    await orderLimits.admit(user, ctx.ip);
    // Inside createOrder: a buyer refused at once for a ticket a rival here just won reads nothing.
    let slots: SlotsRead | undefined;
    const order = await createOrder(deps, user, input, {}, async () => {
      slots = await checkHoldLimit(deps, user, input.tickets.length);
    });
    await claimHoldSlots(deps, user, order, slots);
    ctx.status = 201;
    ctx.body = toOrderDto(order);
  });

  // Only "cancelled" can be set by a client; the schema answers 400 for anything else.
  router.put('/:id', async (ctx) => {
    const user = requireUser(ctx);
    parseBody(ctx, updateOrderSchema);
    ctx.body = toOrderDto(await cancelOrder(deps, user, ctx.params.id));
  });

  router.delete('/:id', async (ctx) => {
    ctx.body = toOrderDto(await cancelOrder(deps, requireUser(ctx), ctx.params.id));
  });

  return router;
}
