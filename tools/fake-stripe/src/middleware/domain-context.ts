import type { Middleware } from 'koa';
import type { DomainContext } from '../domain/context';
import type { StripeEvent } from '../state/objects';

type BaseContext = Omit<DomainContext, 'request' | 'emitted' | 'origin'>;

/**
 * Gives each request its DomainContext and, once the response has been sent, hands the events it created to
 * the webhook dispatcher: like Stripe, the webhook follows the API answer rather than racing ahead of it.
 */
export function domainContext(base: BaseContext, deliver: (events: StripeEvent[]) => void): Middleware {
  return async (ctx, next) => {
    const dc: DomainContext = {
      ...base,
      // Koa 3 answers `ctx.origin` from the Origin header (absent on server calls): build it from the host.
      origin: `${ctx.protocol}://${ctx.host}`,
      request: { id: ctx.state.requestId, idempotencyKey: ctx.get('Idempotency-Key') || null },
      emitted: [],
    };
    ctx.state.dc = dc;
    let flushed = false;
    const flush = () => {
      if (flushed || dc.emitted.length === 0) return;
      flushed = true;
      deliver(dc.emitted);
    };
    try {
      await next();
    } finally {
      if (dc.emitted.length > 0) {
        ctx.res.once('finish', flush);
        ctx.res.once('close', flush);
      }
    }
  };
}
