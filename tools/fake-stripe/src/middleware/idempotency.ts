import type { Middleware } from 'koa';
import type { Clock } from '../lib/clock';
import type { FormValue } from '../lib/form-parser';
import { invalidRequest, StripeApiError } from '../lib/stripe-error';

interface SavedRequest {
  endpoint: string;
  fingerprint: string;
  createdAt: number;
  requestId: string;
  response?: { status: number; body: string };
}

const TTL_SECONDS = 24 * 60 * 60;

/** Idempotency keys seen by this process (Stripe keeps them 24 hours). */
export class IdempotencyStore {
  readonly entries = new Map<string, SavedRequest>();

  reset(): void {
    this.entries.clear();
  }
}

function canonical(value: FormValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
}

function idempotencyError(status: number, message: string): StripeApiError {
  return new StripeApiError(status, { type: 'idempotency_error', message });
}

/**
 * Stripe's idempotency: the first request with a key runs and its result is saved; a retry with the same
 * parameters gets that result again (`Idempotent-Replayed: true`), different parameters or endpoint get a 400.
 * Like Stripe, a result is saved only if the request got as far as executing: successes and card declines
 * (402), not validation errors, which may be retried with the same key once fixed.
 */
export function idempotency(store: IdempotencyStore, clock: Clock): Middleware {
  return async (ctx, next) => {
    const key = ctx.method === 'POST' ? ctx.get('Idempotency-Key') : '';
    if (!key) return next();
    if (key.length > 255) {
      throw invalidRequest('Idempotency-Key must be at most 255 characters long.', { param: 'Idempotency-Key' });
    }
    const endpoint = `${ctx.method} ${ctx.path}`;
    const fingerprint = canonical(ctx.state.params);
    const now = clock.nowSeconds();
    let saved = store.entries.get(key);
    if (saved && saved.createdAt + TTL_SECONDS <= now) {
      store.entries.delete(key);
      saved = undefined;
    }
    if (saved) {
      if (!saved.response) {
        throw idempotencyError(
          409,
          `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
        );
      }
      if (saved.endpoint !== endpoint) {
        throw idempotencyError(
          400,
          `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${saved.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
        );
      }
      if (saved.fingerprint !== fingerprint) {
        throw idempotencyError(
          400,
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        );
      }
      ctx.set('Idempotency-Key', key);
      ctx.set('Idempotent-Replayed', 'true');
      ctx.set('Original-Request', saved.requestId);
      ctx.status = saved.response.status;
      ctx.type = 'application/json';
      ctx.body = saved.response.body;
      return;
    }

    const entry: SavedRequest = { endpoint, fingerprint, createdAt: now, requestId: ctx.state.requestId };
    store.entries.set(key, entry);
    ctx.set('Idempotency-Key', key);
    try {
      await next();
    } catch (err) {
      if (err instanceof StripeApiError && err.status === 402) {
        entry.response = { status: 402, body: JSON.stringify({ error: err.body }) };
      } else {
        store.entries.delete(key);
      }
      throw err;
    }
    if (ctx.status >= 200 && ctx.status < 300) {
      // Serialized now: the object keeps changing after this response.
      entry.response = { status: ctx.status, body: JSON.stringify(ctx.body) };
    } else {
      store.entries.delete(key);
    }
  };
}
