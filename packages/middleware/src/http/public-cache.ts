import { createHash } from 'node:crypto';
import type { Middleware } from 'koa';

export interface PublicCachePolicy {
  /** Seconds a shared cache (CDN, the ingress) may answer from its copy without asking. */
  sMaxAgeSeconds: number;
  /** Seconds after that it may still answer from the stale copy while it revalidates. */
  staleWhileRevalidateSeconds: number;
  /**
   * The answer differs for a signed-in viewer (the owner sees a ticket's serial): then it is
   * public only when nobody is signed in, and `Vary: Authorization, Cookie` keeps caches from
   * handing one caller's copy to another.
   */
  variesByViewer?: boolean;
}

/**
 * Makes a public GET answer cacheable at the edge: a strong `ETag` over the JSON body, `304 Not
 * Modified` for a matching `If-None-Match`, and `Cache-Control: public, max-age=0, s-maxage=…,
 * stale-while-revalidate=…` (browsers revalidate every time; shared caches absorb the rush).
 * Everything else (errors, signed-in views of per-viewer answers, other methods) keeps the
 * `no-store` every answer starts with (see requestContext).
 */
export function publicCache(policy: PublicCachePolicy): Middleware {
  const cacheControl =
    `public, max-age=0, s-maxage=${policy.sMaxAgeSeconds}, ` +
    `stale-while-revalidate=${policy.staleWhileRevalidateSeconds}`;
  return async (ctx, next) => {
    await next();
    if (policy.variesByViewer) ctx.vary('Authorization, Cookie');
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.status !== 200 || !isJsonBody(ctx.body)) return;
    if (policy.variesByViewer && ctx.state.currentUser) return;

    // Serialised once here (Koa would otherwise stringify the object again to send it).
    const json = JSON.stringify(ctx.body);
    ctx.type = 'application/json';
    ctx.body = json;
    ctx.set('ETag', `"${createHash('sha1').update(json).digest('base64url')}"`);
    ctx.set('Cache-Control', cacheControl);
    if (ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
    }
  };
}

/** A body Koa would send as JSON (not a string, buffer or stream). */
function isJsonBody(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    !Buffer.isBuffer(body) &&
    typeof (body as { pipe?: unknown }).pipe !== 'function'
  );
}
