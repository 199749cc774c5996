import type { Middleware } from 'koa';
import getRawBody from 'raw-body';
import { parseForm } from '../lib/form-parser';
import { invalidRequest } from '../lib/stripe-error';

/**
 * Stripe's v1 API takes form-encoded parameters (bracket notation) in the body, and in the query string for
 * GET. Other content types are refused as Stripe refuses them.
 */
export function formBody(): Middleware {
  return async (ctx, next) => {
    const query = parseForm(ctx.querystring);
    let body = {};
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      const raw = await getRawBody(ctx.req, { limit: '1mb', encoding: 'utf8' });
      if (raw.length > 0) {
        if (!ctx.is('application/x-www-form-urlencoded')) {
          throw invalidRequest(
            `Invalid request: unsupported Content-Type ${ctx.get('Content-Type') || '(none)'}. If error persists and you need assistance, please contact support@stripe.com.`,
          );
        }
        body = parseForm(raw);
      }
    }
    ctx.state.params = { ...query, ...body };
    await next();
  };
}
