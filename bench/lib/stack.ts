import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT as ROOT, Topology, discoverServices, freePort, startStack } from '@bigtix/dev-runner';
import { Child, startNode, waitHealthy } from './processes';
import { dropBenchState } from './cleanup';
import { BenchSettings, benchSettings } from './settings';
import type { StackInfo } from './stack-info';
import { testLimitsEnv } from '@bigtix/testkit';

export const REPO_ROOT = ROOT;
const BENCH_DIST = path.resolve(__dirname, '..');

export interface BenchStack {
  info: StackInfo;
  children: Child[];
  logDir: string;
  stop(): Promise<void>;
}

/** The benchmark stack: every service (`replicas` processes each), both fakes and the router as processes, on free ports. */
function benchTopology(s: BenchSettings, logDir: string, helloUrl: string, replicas: number): Topology {
  return {
    ports: 'free',
    replicas,
    names: {
      mongoUrl: (svc) => `${s.mongoBase}/${s.dbPrefix}${svc}`,
      exchange: s.exchange,
      queuePrefix: s.queuePrefix,
    },
    fakes: { ticketmaster: { run: true, env: { FAKE_TICKETMASTER_RATE_LIMIT: '0' } }, stripe: { run: true } },
    env: {
      base: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      rabbitmqUrl: s.rabbitmqUrl,
      jwtSecret: s.jwtSecret,
      stripeWebhookSecret: s.stripeWebhookSecret,
      // Throughput, not abuse limits, is measured: test-sized limits, counters of this run only.
      services: testLimitsEnv(`bench${s.runId}`),
    },
    router: { separateProcess: true, extraRoutes: [{ prefix: '/bench-hello', target: helloUrl }] },
    serviceHost: '127.0.0.1',
    output: (name) => ({ kind: 'file', file: path.join(logDir, `${name}.log`) }),
    sequential: true,
    // BENCH_CPU_PROF=tickets BENCH_CPU_PROF_DIR=/tmp/prof: that service writes a .cpuprofile on exit.
    nodeArgs: (svc) =>
      process.env.BENCH_CPU_PROF === svc
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR ?? logDir}`]
        : [],
  };
}

/**
 * Starts everything as separate processes on free loopback ports (a running `make dev` on the
 * standard ports is not touched): both fakes, every service from its dist/, a bare Koa app and
 * the router. Bench databases, queues and exchange are dropped before and after.
 */
export async function startBenchStack(
  log: (line: string) => void = () => undefined,
  { replicas = 1 }: { replicas?: number } = {},
): Promise<BenchStack> {
  const s = benchSettings();
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), `bigtix-bench-${s.runId}-`));
  const names = discoverServices(REPO_ROOT)
    .filter((svc) => fs.existsSync(path.join(svc.dir, 'dist', 'index.js')))
    .map((svc) => svc.name);
  await dropBenchState(s, names);

  const helloPort = await freePort();
  const helloUrl = `http://127.0.0.1:${helloPort}`;
  const hello = startNode(
    'hello-koa',
    path.join(BENCH_DIST, 'hello-koa.js'),
    { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(helloPort) },
    logDir,
  );
  const stopAll = async (stack?: { stop(): Promise<void> }) => {
    await stack?.stop();
    await hello.stop();
    await dropBenchState(s, names).catch((err) => log(`cleanup failed: ${(err as Error).message}`));
  };
  try {
    await waitHealthy(hello, `${helloUrl}/healthz`);
    const stack = await startStack(benchTopology(s, logDir, helloUrl, replicas)).catch(async (err) => {
      await stopAll();
      throw err;
    });
    const services: StackInfo['services'] = {};
    for (const svc of stack.services) {
      const r = stack.replicas[svc.name][0];
      services[svc.name] = { url: r.url, pid: r.process!.pid };
      log(`  ${svc.name} ready at ${r.url} (pid ${r.process!.pid})`);
    }
    log(`  router ready at ${stack.routerUrl}; logs in ${logDir}`);
    const children: Child[] = [
      ...stack.processes.map((p) => ({
        name: p.name,
        pid: p.pid,
        logFile: path.join(logDir, `${p.name}.log`),
        proc: p.child,
        stop: p.stop,
        exited: p.exited,
      })),
      hello,
    ];
    return {
      info: {
        runId: s.runId,
        routerUrl: stack.routerUrl!,
        routerPid: stack.routerProcess!.pid,
        services,
        ticketmasterUrl: stack.ticketmasterUrl!,
        stripeUrl: stack.stripeUrl!,
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
      stop: () => stopAll(stack),
    };
  } catch (err) {
    if (!hello.exited()) await stopAll();
    throw err;
  }
}
