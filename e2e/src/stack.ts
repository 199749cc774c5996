/**
 * The whole back end in one test process: every service under services/ started with
 * startService against the real dev database and RabbitMQ (isolated by a private database per
 * service, exchange and queues), the fake Ticketmaster and fake Stripe, and the one-origin
 * router in front, and a Mailpit for their email, all on ephemeral ports. Black-box tests talk to `stack.url` over HTTP.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RunningService, ServiceSpec, startService } from '@bigtix/middleware';
import { Isolation, RunningMailpit, isolate, startMailpit } from '@bigtix/testkit';
import { RunningRouter, discoverServices, routesFor, startRouter } from '@bigtix/dev-runner';
import { startFakeTicketmaster } from '@bigtix/fake-ticketmaster';
import { RunningFakeStripe, startFakeStripe } from '@bigtix/fake-stripe';
import { assertReconciled } from './reconciled';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface StackOptions {
  /** Extra environment for every service (e.g. ORDER_HOLD_SECONDS). */
  env?: Record<string, string>;
  /** Only these services (default: all that exist). */
  only?: string[];
  /** Reuse an isolation (e.g. to start a second replica set on the same data). */
  isolation?: Isolation;
  /** Where the router sends non-API paths (a running web app). */
  webUrl?: string;
}

export interface Stack {
  url: string;
  iso: Isolation;
  services: Record<string, RunningService>;
  ticketmaster: Awaited<ReturnType<typeof startFakeTicketmaster>>;
  stripe: RunningFakeStripe;
  /** Every email the services send, read through Mailpit's API. */
  mail: RunningMailpit;
  router: RunningRouter;
  env(service: string): NodeJS.ProcessEnv;
  /** Stops everything; first waits for the payments ledger to reconcile with Stripe (fails if it never does). */
  stop(): Promise<void>;
}

function loadSpec(dir: string): ServiceSpec | null {
  const file = path.join(dir, 'src', 'service.ts');
  if (!fs.existsSync(file)) return null;
  const mod = require(file) as Record<string, unknown>;
  return (Object.values(mod).find((v) => typeof (v as ServiceSpec)?.setup === 'function') as ServiceSpec) ?? null;
}

export const TEST_STRIPE_WEBHOOK_SECRET = 'whsec_bigtix_test_secret';

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const iso = options.isolation ?? isolate('stack');
  const ticketmaster = await startFakeTicketmaster({ port: 0, rateLimitPerSecond: 0 });
  const infos = discoverServices(REPO_ROOT).filter((s) => !options.only || options.only.includes(s.name));

  // Payments needs the fake Stripe's URL and the fake needs the router's URL for webhooks:
  // start Stripe first without a webhook endpoint and point it at the router once that exists.
  const stripe = await startFakeStripe({
    port: 0,
    webhookSecret: TEST_STRIPE_WEBHOOK_SECRET,
    webhookRetryBaseMs: 100,
    webhookRetryMaxMs: 1000,
  });
  const mail = await startMailpit();
  const started: Record<string, RunningService> = {};
  const envFor = (service: string): NodeJS.ProcessEnv =>
    iso.env(service, {
      TICKETMASTER_BASE_URL: ticketmaster.url,
      STRIPE_WEBHOOK_SECRET: TEST_STRIPE_WEBHOOK_SECRET,
      STRIPE_API_BASE: stripe.url,
      SMTP_URL: mail.smtpUrl,
      ...(options.env ?? {}),
    });

  const routerHolder: { router?: RunningRouter } = {};
  try {
    for (const info of infos) {
      const spec = loadSpec(info.dir);
      if (!spec) continue;
      started[info.name] = await startService(spec, envFor(info.name));
    }
    routerHolder.router = await startRouter({
      routes: routesFor(
        infos.filter((s) => started[s.name]).map((s) => ({ routes: s.routes, url: started[s.name].url })),
      ),
      fallback: options.webUrl,
      port: 0,
    });
  } catch (err) {
    for (const s of Object.values(started)) await s.stop().catch(() => undefined);
    await ticketmaster.close();
    await stripe.close();
    await mail.stop();
    throw err;
  }
  const router = routerHolder.router;
  stripe.controls.setWebhook({ url: `${router.url}/api/webhooks/stripe` });

  return {
    url: router.url,
    iso,
    services: started,
    ticketmaster,
    stripe,
    mail,
    router,
    env: envFor,
    async stop() {
      try {
        if (started.payments) await assertReconciled(started.payments.ctx.db, stripe);
      } finally {
        await router.close();
        for (const s of Object.values(started).reverse()) await s.stop().catch(() => undefined);
        await ticketmaster.close();
        await stripe.close();
        await mail.stop();
        if (!options.isolation) await iso.cleanup();
      }
    },
  };
}
