/**
 * `make dev`: the whole system on one machine, as one topology. The fakes for outside services
 * that have no key configured, every service under services/, the web app, and the one-origin
 * router on http://localhost:3000; Ctrl-C stops everything. Expects `npm run build` and the dev
 * database and broker to be up (the Makefile does both first).
 *
 * PORT_OFFSET and STACK_ID let a second, isolated stack run beside `make dev` (the browser
 * tests do this): every port moves by the offset, and databases, exchange and queues get the id.
 * REPLICAS=3 runs three processes per service behind a round-robin balancer, as production does.
 * A demo marketplace is seeded through the public APIs (idempotent; SEED=0 skips it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './services';
import { RunningStack, Topology, startStack } from './stack';
import { namedStack } from './stack-env';
import { DEMO_BUYER, SeedResult, seedDemoMarketplace } from './seed/demo-marketplace';

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  NEXT_TELEMETRY_DISABLED: '1',
};
const offset = Number(env.PORT_OFFSET ?? 0);
const webMode = env.WEB_MODE === 'production' ? 'production' : 'development';
const hasWeb = fs.existsSync(path.join(REPO_ROOT, 'web', 'package.json'));

export const devTopology: Topology = {
  replicas: Number(env.REPLICAS ?? 1),
  ports: { offset },
  names: env.STACK_ID ? namedStack(env.STACK_ID) : undefined,
  fakes: {
    ticketmaster: env.TICKETMASTER_CONSUMER_KEY ? false : { run: true, env: { FAKE_TICKETMASTER_RATE_LIMIT: '50' } },
    stripe: env.STRIPE_SECRET_KEY ? false : { run: true },
  },
  // SMTP_URL set: mail goes there (a real relay); otherwise to a Mailpit of this stack.
  mail: env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : { run: true },
  env: { base: env },
  router: {
    port: env.ROUTER_PORT ? Number(env.ROUTER_PORT) : undefined,
    host: env.ROUTER_HOST ?? '0.0.0.0',
  },
  web: hasWeb
    ? { mode: webMode, port: env.WEB_PORT ? Number(env.WEB_PORT) : undefined, publicUrl: env.PUBLIC_URL }
    : undefined,
  output: (_name, index) => ({ kind: 'terminal', index }),
  strict: false,
};

function banner(stack: RunningStack, seed: SeedResult | string | null): void {
  const base = `http://localhost:${new URL(stack.routerUrl!).port}`;
  const lines = [`App and APIs   ${base}`];
  for (const s of stack.services) {
    const rs = stack.replicas[s.name];
    const ready = rs.every((r) => r.ready) ? 'ready' : 'NOT READY';
    lines.push(`${s.name.padEnd(14)} ${s.routes.join(' ')} → ${rs.map((r) => `:${r.port}`).join(' ')} ${ready}`);
  }
  if (stack.webUrl) lines.push(`${`web (${webMode})`.padEnd(14)} everything else → :${new URL(stack.webUrl).port}`);
  if (stack.ticketmasterUrl && !env.TICKETMASTER_CONSUMER_KEY)
    lines.push(`Ticketmaster   fake at ${stack.ticketmasterUrl} (set TICKETMASTER_CONSUMER_KEY for the real API)`);
  if (stack.stripeUrl && !env.STRIPE_SECRET_KEY)
    lines.push(`Stripe         fake at ${stack.stripeUrl} (set STRIPE_SECRET_KEY for Stripe test mode)`);
  if (stack.mailUiUrl)
    lines.push(`Email          Mailpit at ${stack.mailUiUrl} (every email the services send; SMTP ${stack.smtpUrl})`);
  else if (stack.smtpUrl) lines.push(`Email          SMTP_URL ${stack.smtpUrl}`);
  if (typeof seed === 'string') lines.push(`Demo data      not seeded: ${seed}`);
  else if (seed)
    lines.push(
      `Demo data      ${seed.sellers} sellers, listings on ${seed.events} events (${seed.created} new), one paid order`,
      `Demo buyer     ${DEMO_BUYER.email} / ${DEMO_BUYER.password}`,
    );
  console.log(`\n┌ BigTix is running\n${lines.map((l) => `│ ${l}`).join('\n')}\n└ Ctrl-C stops everything\n`);
}

async function main(): Promise<void> {
  const stack = await startStack(devTopology);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\ndev: stopping everything…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  let seed: SeedResult | string | null = null;
  if (env.SEED !== '0' && stack.routerUrl) {
    console.log('dev: seeding the demo marketplace (SEED=0 skips this)…');
    seed = await seedDemoMarketplace(stack.routerUrl).catch((err: Error) => err.message);
  }
  banner(stack, seed);
}

if (require.main === module)
  main().catch((err) => {
    console.error('dev: failed to start:', err);
    process.exit(1);
  });
