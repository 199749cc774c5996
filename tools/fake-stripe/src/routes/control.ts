import Router from '@koa/router';
import type { Middleware } from 'koa';
import getRawBody from 'raw-body';
import type { FakeStripeControls } from '../controls';
import { parseForm } from '../lib/form-parser';
import { invalidRequest } from '../lib/stripe-error';
import type { DeliveryStatus } from '../webhooks/dispatcher';

/** Control bodies may be JSON (handy from tests and curl) or form-encoded. */
function controlBody(): Middleware {
  return async (ctx, next) => {
    let body: Record<string, unknown> = {};
    if (ctx.method === 'POST' || ctx.method === 'PUT') {
      const raw = await getRawBody(ctx.req, { limit: '100kb', encoding: 'utf8' });
      if (raw.trim()) {
        if (ctx.is('application/json')) {
          try {
            body = JSON.parse(raw) as Record<string, unknown>;
          } catch {
            throw invalidRequest('Body is not valid JSON');
          }
        } else {
          body = parseForm(raw);
        }
      }
    }
    ctx.state.controlBody = body && typeof body === 'object' ? body : {};
    await next();
  };
}

function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidRequest(`${name} must be a string`, { param: name });
  return value;
}

/** `/__control/*`: test controls over HTTP, without auth (the fake only ever listens for local tests and dev). */
export function controlRoutes(controls: FakeStripeControls): Router {
  const router = new Router({ prefix: '/__control' });
  router.use(controlBody());

  router.get('/health', (ctx) => {
    ctx.body = { ok: true };
  });

  router.get('/webhooks', (ctx) => {
    ctx.body = { ...controls.webhookConfig(), paused: controls.webhooksPaused() };
  });

  router.put('/webhooks', (ctx) => {
    const body = ctx.state.controlBody as Record<string, unknown>;
    const enabled = body.enabledEvents ?? body.enabled_events;
    if (enabled !== undefined && (!Array.isArray(enabled) || enabled.some((e) => typeof e !== 'string'))) {
      throw invalidRequest('enabledEvents must be an array of event types', { param: 'enabledEvents' });
    }
    const url = body.url === null ? '' : stringField(body, 'url');
    if (url) {
      try {
        new URL(url);
      } catch {
        throw invalidRequest(`Invalid URL: ${url}`, { param: 'url' });
      }
    }
    controls.setWebhook({ url, secret: stringField(body, 'secret'), enabledEvents: enabled as string[] | undefined });
    ctx.body = { ...controls.webhookConfig(), paused: controls.webhooksPaused() };
  });

  router.post('/webhooks/pause', (ctx) => {
    controls.pauseWebhooks();
    ctx.body = { paused: true };
  });

  router.post('/webhooks/resume', (ctx) => {
    controls.resumeWebhooks();
    ctx.body = { paused: false };
  });

  router.get('/deliveries', (ctx) => {
    const status = ctx.query.status;
    const statuses: DeliveryStatus[] = ['pending', 'in_flight', 'succeeded', 'failed'];
    if (status !== undefined && !statuses.includes(status as DeliveryStatus)) {
      throw invalidRequest(`status must be one of ${statuses.join(', ')}`, { param: 'status' });
    }
    const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    ctx.body = {
      items: controls.deliveries({
        eventId: str(ctx.query.event_id ?? ctx.query.eventId),
        type: str(ctx.query.type),
        status: status as DeliveryStatus | undefined,
      }),
    };
  });

  router.post('/events/:id/redeliver', (ctx) => {
    ctx.status = 201;
    ctx.body = controls.redeliver(ctx.params.id);
  });

  router.post('/payment_intents/:id/authenticate', (ctx) => {
    const outcome = stringField(ctx.state.controlBody as Record<string, unknown>, 'outcome') ?? 'succeed';
    if (outcome !== 'succeed' && outcome !== 'fail') {
      throw invalidRequest('outcome must be succeed or fail', { param: 'outcome' });
    }
    ctx.body = controls.authenticatePaymentIntent(ctx.params.id, outcome);
  });

  router.post('/clock/advance', (ctx) => {
    const raw = (ctx.state.controlBody as Record<string, unknown>).seconds;
    const seconds = typeof raw === 'string' ? Number(raw) : raw;
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw invalidRequest('seconds must be a non-negative integer', { param: 'seconds' });
    }
    controls.advanceClock(seconds);
    ctx.body = { advancedSeconds: seconds };
  });

  router.post('/reset', (ctx) => {
    controls.reset();
    ctx.body = { reset: true };
  });

  return router;
}
