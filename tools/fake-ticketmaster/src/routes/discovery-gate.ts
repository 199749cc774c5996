import type { Middleware } from 'koa';
import { gatewayFaults } from '../discovery-errors';
import type { RateLimiter } from '../rate-limiter';
import type { RequestLogEntry, TestControls } from '../test-controls';

/**
 * What the real API gateway does before Discovery sees a request, plus the test hooks:
 * log → injected latency → injected failure → API key → spike arrest / quota.
 */
export function discoveryGate(deps: { apiKey: string; controls: TestControls; limiter: RateLimiter }): Middleware {
  const { apiKey, controls, limiter } = deps;
  return async (ctx, next) => {
    const entry: RequestLogEntry = {
      method: ctx.method,
      path: ctx.path,
      query: Object.fromEntries(new URLSearchParams(ctx.querystring)),
      at: new Date().toISOString(),
    };
    controls.requestLog.push(entry);
    try {
      await controls.delay();
      await handle();
    } finally {
      entry.status = ctx.status;
    }

    async function handle() {
      const injected = controls.takeFailure();
      if (injected !== undefined) {
        ctx.status = injected;
        ctx.body = gatewayFaults.forStatus(injected, limiter.perSecond || 5);
        return;
      }
      const key = ctx.query.apikey;
      if (typeof key !== 'string' || key !== apiKey) {
        ctx.status = 401;
        ctx.body = gatewayFaults.invalidApiKey();
        return;
      }
      const decision = limiter.take(key);
      ctx.set(decision.headers);
      if (!decision.allowed) {
        ctx.status = 429;
        ctx.body =
          decision.reason === 'spike-arrest'
            ? gatewayFaults.spikeArrest(limiter.perSecond)
            : gatewayFaults.quotaViolation();
        return;
      }
      await next();
      // The live API sends no Rate-Limit-* headers on 400s (they still count against the quota).
      if (ctx.status === 400) {
        for (const name of Object.keys(decision.headers)) ctx.remove(name);
      }
    }
  };
}
