import type { Middleware } from 'koa';
import { FormParseError } from '../lib/form-parser';
import { StripeApiError } from '../lib/stripe-error';

/** Every failure leaves as Stripe's `{ error: {...} }`; anything unexpected is a 500 `api_error` (a fake bug). */
export function stripeErrors(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      if (err instanceof StripeApiError) {
        ctx.status = err.status;
        ctx.body = { error: err.body };
        if (err.status === 401) ctx.set('WWW-Authenticate', 'Basic realm="Stripe"');
        return;
      }
      if (err instanceof FormParseError) {
        ctx.status = 400;
        ctx.body = { error: { type: 'invalid_request_error', message: `Invalid request: ${err.message}` } };
        return;
      }
      const status = (err as { status?: number }).status;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        // raw-body and friends: too large, aborted, bad encoding.
        ctx.status = status;
        ctx.body = { error: { type: 'invalid_request_error', message: `Invalid request: ${(err as Error).message}` } };
        return;
      }
      ctx.app.emit('error', err, ctx);
      ctx.status = 500;
      ctx.body = {
        error: {
          type: 'api_error',
          message: `The fake Stripe server failed: ${(err as Error).message ?? String(err)}`,
        },
      };
    }
  };
}
