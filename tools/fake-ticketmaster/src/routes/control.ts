import { Router } from '@koa/router';
import { EventOverrideError, parseEventOverride, type EventOverrides } from '../event-overrides';
import type { TestControls } from '../test-controls';
import { BadRequestError, readJsonBody } from './read-json-body';

export const CONTROL_PREFIX = '/__control';

/** The test controls over HTTP, for black-box tests against a running process. */
export function controlRouter(controls: TestControls, overrides?: EventOverrides): Router {
  const router = new Router({ prefix: CONTROL_PREFIX });

  router.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      if (err instanceof BadRequestError || err instanceof RangeError || err instanceof EventOverrideError) {
        ctx.status = 400;
        ctx.body = { error: err.message };
        return;
      }
      throw err;
    }
  });

  router.get('/health', (ctx) => {
    ctx.body = { ok: true };
  });

  router.post('/latency', async (ctx) => {
    const { ms } = await readJsonBody(ctx.req);
    if (typeof ms !== 'number') throw new BadRequestError('expected {"ms": <non-negative number>}');
    controls.setLatency(ms);
    ctx.body = { latencyMs: controls.latencyMs };
  });

  router.post('/fail-next', async (ctx) => {
    const { status, count = 1 } = await readJsonBody(ctx.req);
    if (typeof status !== 'number' || typeof count !== 'number') {
      throw new BadRequestError('expected {"status": <400-599>, "count"?: <positive integer>}');
    }
    controls.failNext(status, count);
    ctx.body = { pendingFailures: controls.pendingFailures };
  });

  router.get('/requests', (ctx) => {
    ctx.body = { requests: controls.requestLog };
  });

  // Moves an event's dates or changes its status, e.g. to make it end now (payouts) or be cancelled.
  router.post('/events/:id', async (ctx) => {
    if (!overrides) throw new BadRequestError('event overrides are not available');
    const override = parseEventOverride(await readJsonBody(ctx.req));
    const event = overrides.apply(ctx.params.id, override);
    if (!event) {
      ctx.status = 404;
      ctx.body = { error: `no fixture event ${ctx.params.id}` };
      return;
    }
    ctx.body = { id: event.id, dates: event.dates };
  });

  router.post('/reset', (ctx) => {
    controls.reset();
    ctx.body = { ok: true };
  });

  return router;
}
