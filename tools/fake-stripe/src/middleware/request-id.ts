import type { Middleware } from 'koa';
import { randomToken } from '../lib/ids';

/** Stripe answers every request with a `Request-Id`; the client puts it on errors and events carry it. */
export function requestId(apiVersion: string): Middleware {
  return async (ctx, next) => {
    const id = `req_${randomToken(14)}`;
    ctx.state.requestId = id;
    ctx.set('Request-Id', id);
    ctx.set('Stripe-Version', ctx.get('Stripe-Version') || apiVersion);
    await next();
  };
}
