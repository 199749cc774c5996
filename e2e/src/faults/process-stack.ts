/**
 * The back end as real operating-system processes, so that `kill -9` is a real crash: every
 * service is `node services/<x>/dist/index.js` (build first: `npm run build`) on a port picked
 * here, against the real FerretDB and RabbitMQ isolated by a private database per service,
 * exchange and queue prefix. Fake Ticketmaster and fake Stripe run in this test process; the
 * one-origin router sends each prefix to a round-robin balancer over the service's replicas.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import mongoose, { Connection } from 'mongoose';
import { Isolation, isolate, waitFor } from '@bigtix/testkit';
import { RunningRouter, ServiceInfo, discoverServices, routesFor, startRouter } from '@bigtix/dev-runner';
import { startFakeTicketmaster } from '@bigtix/fake-ticketmaster';
import { RunningFakeStripe, startFakeStripe } from '@bigtix/fake-stripe';
import { RunningBalancer, startBalancer } from './balancer';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const FAULT_WEBHOOK_SECRET = 'whsec_bigtix_faults_secret';

export interface ProcessStackOptions {
  /** Processes per service (all share the service's database and queue). */
  replicas?: number;
  /** Extra environment for every service. */
  env?: Record<string, string>;
  label?: string;
}

export interface Replica {
  service: string;
  index: number;
  port: number;
  url: string;
  child: ChildProcess | null;
  /** The last lines the process wrote, for failure messages. */
  output: string[];
}

export interface ProcessStack {
  url: string;
  iso: Isolation;
  stripe: RunningFakeStripe;
  replicas: Record<string, Replica[]>;
  /** A direct connection to a service's database, for assertions on what was written. */
  db(service: string): Promise<Connection>;
  /** SIGKILL, then wait until the process is gone. */
  kill(service: string, index?: number): Promise<void>;
  /** Start a killed replica again on its port and wait until it is ready. */
  restart(service: string, index?: number): Promise<void>;
  /** Every replica's last output lines, to attach to a failing assertion. */
  logs(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function httpStatus(url: string, timeoutMs = 3000): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

function ensureBuilt(info: ServiceInfo): string {
  const entry = path.join(info.dir, 'dist', 'index.js');
  if (!fs.existsSync(entry))
    throw new Error(`${entry} is missing: run \`npm run build\` first (make test-faults does)`);
  return entry;
}

export async function startProcessStack(options: ProcessStackOptions = {}): Promise<ProcessStack> {
  const replicasPerService = options.replicas ?? 1;
  const iso = isolate(options.label ?? 'faults');
  const ticketmaster = await startFakeTicketmaster({ port: 0, rateLimitPerSecond: 0 });
  const stripe = await startFakeStripe({
    port: 0,
    webhookSecret: FAULT_WEBHOOK_SECRET,
    webhookRetryBaseMs: 200,
    webhookRetryMaxMs: 1000,
  });
  const infos = discoverServices(REPO_ROOT);
  const replicas: Record<string, Replica[]> = {};
  const balancers: RunningBalancer[] = [];
  const dbs = new Map<string, Connection>();
  let router: RunningRouter | undefined;

  const envFor = (service: string, port: number): NodeJS.ProcessEnv => {
    const env = iso.env(service, {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'warn',
      TICKETMASTER_BASE_URL: ticketmaster.url,
      STRIPE_API_BASE: stripe.url,
      STRIPE_WEBHOOK_SECRET: FAULT_WEBHOOK_SECRET,
      OUTBOX_POLL_MS: '100',
      ...(options.env ?? {}),
    });
    // Jest's own variables would make a child think it is under test in odd ways.
    delete env.JEST_WORKER_ID;
    return env;
  };

  const spawnReplica = async (info: ServiceInfo, replica: Replica): Promise<void> => {
    const child = spawn(process.execPath, [ensureBuilt(info)], {
      cwd: REPO_ROOT,
      env: envFor(info.name, replica.port),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    replica.child = child;
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) replica.output.push(line.slice(0, 500));
      if (replica.output.length > 40) replica.output.splice(0, replica.output.length - 40);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    let exited: string | null = null;
    child.once('exit', (code, signal) => {
      exited = `exited (${signal ?? code})`;
      if (replica.child === child) replica.child = null;
    });
    await waitFor(
      async () => {
        if (exited) throw new Error(`${info.name}#${replica.index} ${exited}:\n${replica.output.join('\n')}`);
        return (await httpStatus(`${replica.url}/readyz`)) === 200;
      },
      { what: `${info.name}#${replica.index} to be ready`, timeoutMs: 60_000, intervalMs: 100 },
    ).catch((err) => {
      throw new Error(`${(err as Error).message}\n${replica.output.join('\n')}`);
    });
  };

  const stopAll = async () => {
    await router?.close();
    for (const b of balancers) await b.close();
    const children = Object.values(replicas)
      .flat()
      .map((r) => r.child)
      .filter((c): c is ChildProcess => !!c);
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            const force = setTimeout(() => c.kill('SIGKILL'), 10_000);
            c.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
            c.kill('SIGTERM');
          }),
      ),
    );
    for (const c of dbs.values()) await c.close().catch(() => undefined);
    await ticketmaster.close();
    await stripe.close();
    await iso.cleanup();
  };

  try {
    // One at a time: on 2 shared cores, parallel boots mostly fight for the CPU.
    for (const info of infos) {
      replicas[info.name] = [];
      for (let index = 0; index < replicasPerService; index++) {
        const port = await freePort();
        const replica: Replica = {
          service: info.name,
          index,
          port,
          url: `http://127.0.0.1:${port}`,
          child: null,
          output: [],
        };
        replicas[info.name].push(replica);
        await spawnReplica(info, replica);
      }
    }
    const fronts: { routes: string[]; url: string }[] = [];
    for (const info of infos) {
      const balancer = await startBalancer(replicas[info.name].map((r) => r.url));
      balancers.push(balancer);
      fronts.push({ routes: info.routes, url: balancer.url });
    }
    router = await startRouter({ routes: routesFor(fronts), port: 0 });
  } catch (err) {
    await stopAll();
    throw err;
  }
  stripe.controls.setWebhook({ url: `${router.url}/api/webhooks/stripe` });

  const replicaOf = (service: string, index: number) => {
    const r = replicas[service]?.[index];
    if (!r) throw new Error(`no replica ${service}#${index}`);
    return r;
  };

  return {
    url: router.url,
    iso,
    stripe,
    replicas,
    async db(service) {
      let conn = dbs.get(service);
      if (!conn) {
        conn = await mongoose.createConnection(iso.mongoUrl(service), { serverSelectionTimeoutMS: 30_000 }).asPromise();
        dbs.set(service, conn);
      }
      return conn;
    },
    async kill(service, index = 0) {
      const r = replicaOf(service, index);
      const child = r.child;
      if (!child) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    },
    async restart(service, index = 0) {
      const r = replicaOf(service, index);
      if (r.child) throw new Error(`${service}#${index} is still running`);
      await spawnReplica(
        infos.find((i) => i.name === service)!,
        r,
      );
    },
    logs() {
      return Object.values(replicas)
        .flat()
        .map((r) => `--- ${r.service}#${r.index}\n${r.output.join('\n')}`)
        .join('\n');
    },
    stop: stopAll,
  };
}
