import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discoverServices } from '@bigtix/dev-runner';
import { Child, freePort, startNode, waitHealthy } from './processes';
import { dropBenchState } from './cleanup';
import { benchSettings } from './settings';
import type { StackInfo } from './stack-info';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const BENCH_DIST = path.resolve(__dirname, '..');

export interface BenchStack {
  info: StackInfo;
  children: Child[];
  logDir: string;
  stop(): Promise<void>;
}

function requireBuilt(file: string): string {
  if (!fs.existsSync(file))
    throw new Error(`${path.relative(REPO_ROOT, file)} is missing: run \`npm run build\` first (make bench does)`);
  return file;
}

/**
 * Starts everything as separate processes on free loopback ports (a running `make dev` on the
 * standard ports is not touched): both fakes, every service from its dist/, a bare Koa app and
 * the router. Bench databases, queues and exchange are dropped before and after.
 */
export async function startBenchStack(log: (line: string) => void = () => undefined): Promise<BenchStack> {
  const s = benchSettings();
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), `bigtix-bench-${s.runId}-`));
  const services = discoverServices(REPO_ROOT).filter((svc) => fs.existsSync(path.join(svc.dir, 'dist', 'index.js')));
  const names = services.map((svc) => svc.name);
  await dropBenchState(s, names);

  const children: Child[] = [];
  const stop = async () => {
    // Router first (no new requests), then services, then the fakes.
    for (const child of [...children].reverse()) await child.stop();
    await dropBenchState(s, names).catch((err) => log(`cleanup failed: ${(err as Error).message}`));
  };

  try {
    const [tmPort, stripePort, routerPort, helloPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const routerUrl = `http://127.0.0.1:${routerPort}`;
    const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', LOG_LEVEL: 'warn' };

    const tm = startNode(
      'fake-ticketmaster',
      requireBuilt(path.join(REPO_ROOT, 'tools/fake-ticketmaster/dist/main.js')),
      {
        ...baseEnv,
        FAKE_TICKETMASTER_PORT: String(tmPort),
        FAKE_TICKETMASTER_RATE_LIMIT: '0',
      },
      logDir,
    );
    children.push(tm);
    const stripe = startNode(
      'fake-stripe',
      requireBuilt(path.join(REPO_ROOT, 'tools/fake-stripe/dist/main.js')),
      {
        ...baseEnv,
        FAKE_STRIPE_PORT: String(stripePort),
        FAKE_STRIPE_WEBHOOK_URL: `${routerUrl}/api/webhooks/stripe`,
        STRIPE_WEBHOOK_SECRET: s.stripeWebhookSecret,
      },
      logDir,
    );
    children.push(stripe);
    const hello = startNode(
      'hello-koa',
      path.join(BENCH_DIST, 'hello-koa.js'),
      { ...baseEnv, PORT: String(helloPort) },
      logDir,
    );
    children.push(hello);

    const tmUrl = `http://127.0.0.1:${tmPort}`;
    const stripeUrl = `http://127.0.0.1:${stripePort}`;
    const helloUrl = `http://127.0.0.1:${helloPort}`;
    await waitHealthy(tm, `${tmUrl}/discovery/v2/events/${s.eventId}.json?apikey=fake-ticketmaster-key`);
    await waitHealthy(stripe, `${stripeUrl}/__control/deliveries`, 60_000, true);
    await waitHealthy(hello, `${helloUrl}/healthz`);

    const running: StackInfo['services'] = {};
    for (const svc of services) {
      const port = await freePort();
      const child = startNode(
        svc.name,
        path.join(svc.dir, 'dist', 'index.js'),
        {
          ...baseEnv,
          PORT: String(port),
          HOST: '127.0.0.1',
          MONGO_URL: `${s.mongoBase}/${s.dbPrefix}${svc.name}`,
          RABBITMQ_URL: s.rabbitmqUrl,
          BIGTIX_EXCHANGE: s.exchange,
          BIGTIX_QUEUE_PREFIX: s.queuePrefix,
          JWT_SECRET: s.jwtSecret,
          TICKETMASTER_BASE_URL: tmUrl,
          STRIPE_API_BASE: stripeUrl,
          STRIPE_WEBHOOK_SECRET: s.stripeWebhookSecret,
        },
        logDir,
        [],
        // BENCH_CPU_PROF=tickets BENCH_CPU_PROF_DIR=/tmp/prof: that service writes a .cpuprofile on exit.
        process.env.BENCH_CPU_PROF === svc.name
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR ?? logDir}`]
          : [],
      );
      children.push(child);
      const url = `http://127.0.0.1:${port}`;
      await waitHealthy(child, `${url}/readyz`, 90_000);
      running[svc.name] = { url, pid: child.pid };
      log(`  ${svc.name} ready at ${url} (pid ${child.pid})`);
    }

    const routes = [
      ...services.flatMap((svc) => svc.routes.map((prefix) => ({ prefix, target: running[svc.name].url }))),
      { prefix: '/bench-hello', target: helloUrl },
    ];
    const router = startNode(
      'router',
      path.join(BENCH_DIST, 'lib', 'router-main.js'),
      {
        ...baseEnv,
        PORT: String(routerPort),
        BENCH_ROUTES: JSON.stringify(routes),
      },
      logDir,
    );
    children.push(router);
    await waitHealthy(router, `${routerUrl}/bench-hello`);
    log(`  router ready at ${routerUrl}; logs in ${logDir}`);

    return {
      info: {
        runId: s.runId,
        routerUrl,
        routerPid: router.pid,
        services: running,
        ticketmasterUrl: tmUrl,
        stripeUrl,
        helloUrl,
        helloPid: hello.pid,
        mongoBase: s.mongoBase,
        dbPrefix: s.dbPrefix,
        exchange: s.exchange,
        queuePrefix: s.queuePrefix,
        jwtSecret: s.jwtSecret,
        stripeWebhookSecret: s.stripeWebhookSecret,
        eventId: s.eventId,
      },
      children,
      logDir,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
