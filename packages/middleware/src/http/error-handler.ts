import { AppError } from '@bigtix/common';
import type { Middleware } from 'koa';
import type { Logger } from '../logger';

/**
 * Turns thrown errors into the contract's `{ errors: [...] }` body. Typed AppErrors carry
 * their status and safe message; Koa's own errors (e.g. ctx.throw) keep their status when
 * they are exposable; anything else is a 500 whose details go only to the log.
 */
export function errorHandler(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        ctx.status = 404;
        ctx.body = { errors: [{ message: `No route for ${ctx.method} ${ctx.path}` }] };
      }
    } catch (err) {
      if (err instanceof AppError) {
        ctx.status = err.status;
        ctx.set(err.headers);
        ctx.body = { errors: err.serialize(), ...(err.details ?? {}) };
        return;
      }
      const e = err as { status?: number; expose?: boolean; message?: string };
      if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.expose) {
        ctx.status = e.status;
        ctx.body = { errors: [{ message: e.message ?? 'Bad request' }] };
        return;
      }
      logger.error({ err, reqId: ctx.state.requestId, path: ctx.path }, 'unhandled error');
      ctx.status = 500;
      ctx.body = { errors: [{ message: 'Something went wrong on our side' }] };
    }
  };
}
