/**
 * `make dev`: the whole system on one machine. Starts the fakes for outside services that have
 * no key configured, every service under services/, the web app, and the one-origin router on
 * http://localhost:3000; Ctrl-C stops everything. Expects `npm run build` and the dev database
 * and broker to be up (the Makefile does both first).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ManagedProcess, startProcess, stopAll, waitForHttp } from './processes';
import { startRouter } from './router';
import { REPO_ROOT, discoverServices, routesFor } from './services';

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  NEXT_TELEMETRY_DISABLED: '1',
};
// PORT_OFFSET and STACK_ID let a second, isolated stack run beside `make dev` (the browser
// tests do this): every port moves by the offset, and databases, exchange and queues get the id.
const PORT_OFFSET = Number(process.env.PORT_OFFSET ?? 0);
const STACK_ID = process.env.STACK_ID;
const ROUTER_PORT = Number(process.env.ROUTER_PORT ?? 3000 + PORT_OFFSET);
const WEB_PORT = Number(process.env.WEB_PORT ?? 3100 + PORT_OFFSET);
const TICKETMASTER_PORT = 12112 + PORT_OFFSET;
const STRIPE_PORT = 12111 + PORT_OFFSET;
const webMode = process.env.WEB_MODE === 'production' ? 'production' : 'development';

async function main(): Promise<void> {
  const processes: ManagedProcess[] = [];
  let index = 0;
  /** Settings every service and the web app get, so they find each other at the chosen ports. */
  const shared: Record<string, string> = {};
  if (STACK_ID) {
    shared.BIGTIX_EXCHANGE = `bigtix.${STACK_ID}`;
    shared.BIGTIX_QUEUE_PREFIX = `${STACK_ID}.`;
  }
  const node = process.execPath;

  if (!env.TICKETMASTER_CONSUMER_KEY) {
    processes.push(
      startProcess(
        'tm-fake',
        node,
        [path.join(REPO_ROOT, 'tools/fake-ticketmaster/dist/main.js')],
        {
          cwd: REPO_ROOT,
          env: { FAKE_TICKETMASTER_RATE_LIMIT: '50', ...env, FAKE_TICKETMASTER_PORT: String(TICKETMASTER_PORT) },
        },
        index++,
      ),
    );
    shared.TICKETMASTER_BASE_URL = `http://127.0.0.1:${TICKETMASTER_PORT}`;
  }
  if (!env.STRIPE_SECRET_KEY) {
    processes.push(
      startProcess(
        'stripe-fake',
        node,
        [path.join(REPO_ROOT, 'tools/fake-stripe/dist/main.js')],
        {
          cwd: REPO_ROOT,
          env: {
            FAKE_STRIPE_WEBHOOK_URL: `http://127.0.0.1:${ROUTER_PORT}/api/webhooks/stripe`,
            ...env,
            FAKE_STRIPE_PORT: String(STRIPE_PORT),
          },
        },
        index++,
      ),
    );
    shared.STRIPE_API_BASE = `http://127.0.0.1:${STRIPE_PORT}`;
  }

  const services = discoverServices().map((s) => ({ ...s, port: s.port + PORT_OFFSET }));
  for (const service of services) shared[`${service.name.toUpperCase()}_URL`] = `http://127.0.0.1:${service.port}`;
  for (const service of services) {
    const entry = path.join(service.dir, 'dist/index.js');
    if (!fs.existsSync(entry)) {
      console.error(`dev: ${service.name} is not built (${entry} missing); run npm run build`);
      continue;
    }
    const database = STACK_ID ? { MONGO_URL: `mongodb://127.0.0.1:27017/${STACK_ID}-${service.name}` } : {};
    processes.push(
      startProcess(
        service.name,
        node,
        [entry],
        { cwd: REPO_ROOT, env: { ...env, ...shared, ...database, PORT: String(service.port) } },
        index++,
      ),
    );
  }

  const webDir = path.join(REPO_ROOT, 'web');
  const hasWeb = fs.existsSync(path.join(webDir, 'package.json')) && fs.existsSync(path.join(webDir, 'app'));
  if (hasWeb) {
    const nextBin = require.resolve('next/dist/bin/next', { paths: [webDir] });
    const args =
      webMode === 'production' ? ['start', '-p', String(WEB_PORT)] : ['dev', '--webpack', '-p', String(WEB_PORT)];
    const webEnv = {
      ...env,
      ...shared,
      PORT: String(WEB_PORT),
      PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${ROUTER_PORT}`,
    };
    processes.push(startProcess('web', node, [nextBin, ...args], { cwd: webDir, env: webEnv }, index++));
  }

  const router = await startRouter({
    routes: routesFor(services.map((s) => ({ routes: s.routes, url: `http://127.0.0.1:${s.port}` }))),
    fallback: `http://127.0.0.1:${WEB_PORT}`,
    port: ROUTER_PORT,
    host: process.env.ROUTER_HOST ?? '0.0.0.0',
  });

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\ndev: stopping everything…');
    await router.close();
    await stopAll(processes);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  const ready = await Promise.all(services.map((s) => waitForHttp(`http://127.0.0.1:${s.port}/readyz`, 60_000)));
  const base = `http://localhost:${ROUTER_PORT}`;
  console.log('\n┌ BigTix is running');
  console.log(`│ App and APIs   ${base}`);
  services.forEach((s, i) =>
    console.log(`│ ${s.name.padEnd(14)} ${s.routes.join(' ')} → :${s.port} ${ready[i] ? 'ready' : 'NOT READY'}`),
  );
  if (hasWeb)
    console.log(`│ web (${webMode})${' '.repeat(Math.max(1, 4 - webMode.length + 10))}everything else → :${WEB_PORT}`);
  if (!env.TICKETMASTER_CONSUMER_KEY)
    console.log(
      `│ Ticketmaster   fake at http://127.0.0.1:${TICKETMASTER_PORT} (set TICKETMASTER_CONSUMER_KEY for the real API)`,
    );
  if (!env.STRIPE_SECRET_KEY)
    console.log(
      `│ Stripe         fake at http://127.0.0.1:${STRIPE_PORT} (set STRIPE_SECRET_KEY for Stripe test mode)`,
    );
  console.log('└ Ctrl-C stops everything\n');
}

main().catch((err) => {
  console.error('dev: failed to start:', err);
  process.exit(1);
});
