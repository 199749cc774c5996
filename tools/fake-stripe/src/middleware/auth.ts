import type { Middleware } from 'koa';
import { authenticationError } from '../lib/stripe-error';

const NO_KEY =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";

function keyFrom(header: string): string | null {
  const [scheme, value] = header.trim().split(/\s+/, 2);
  if (!value) return null;
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) {
    // Basic auth carries "<key>:" (empty password).
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.split(':')[0] || null;
  }
  return null;
}

function mask(key: string): string {
  return key.length <= 12
    ? `${key.slice(0, 3)}*****`
    : `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}`;
}

/** Any test-mode secret key works, as every key of a test account would; anything else is a 401. */
export function stripeAuth(): Middleware {
  return async (ctx, next) => {
    const header = ctx.get('Authorization');
    if (!header) throw authenticationError(NO_KEY);
    const key = keyFrom(header);
    if (!key) throw authenticationError(NO_KEY);
    if (!/^sk_test_[A-Za-z0-9_]+$/.test(key)) throw authenticationError(`Invalid API Key provided: ${mask(key)}`);
    await next();
  };
}
