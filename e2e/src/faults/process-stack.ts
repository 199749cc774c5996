/**
 * The back end as real operating-system processes, so that `kill -9` is a real crash: every
 * service is `node services/<x>/dist/index.js` (build first: `npm run build`) on a free port,
 * against the real FerretDB and RabbitMQ isolated by a private database per service, exchange
 * and queue prefix. Fake Ticketmaster and fake Stripe run in this test process (tests drive
 * their controls); the one-origin router sends each prefix to a round-robin balancer over the
 * service's replicas. The processes are started by the supervisor in tools/dev-runner; this
 * file is the fault tests' topology and their view of it.
 */
import type { ChildProcess } from 'node:child_process';
import mongoose, { Connection } from 'mongoose';
import { Isolation, TEST_JWT_SECRET, TEST_RABBITMQ_URL, isolate, testLimitsEnv } from '@bigtix/testkit';
import { RunningStack, Topology, freePort, httpStatus, startStack } from '@bigtix/dev-runner';
import { startFakeTicketmaster } from '@bigtix/fake-ticketmaster';
import { RunningFakeStripe, startFakeStripe } from '@bigtix/fake-stripe';
import { assertReconciled } from '../reconciled';

export { freePort, httpStatus };
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
  /** The fake Ticketmaster's address, for its `/__control` routes (cancel, move or end an event). */
  ticketmasterUrl: string;
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

function faultTopology(iso: Isolation, options: ProcessStackOptions, fakes: { tm: string; stripe: string }): Topology {
  return {
    replicas: options.replicas ?? 1,
    ports: 'free',
    names: { mongoUrl: iso.mongoUrl, exchange: iso.exchange, queuePrefix: iso.queuePrefix },
    fakes: { ticketmaster: { url: fakes.tm }, stripe: { url: fakes.stripe } },
    env: {
      base: { ...process.env, NODE_ENV: 'test' },
      rabbitmqUrl: TEST_RABBITMQ_URL,
      jwtSecret: TEST_JWT_SECRET,
      stripeWebhookSecret: FAULT_WEBHOOK_SECRET,
      services: {
        LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'warn',
        OUTBOX_POLL_MS: '100',
        // Auth, tickets and payments send email: a port where nothing listens (as testkit's
        // isolation does) rather than a developer's Mailpit; the outbox keeps it unsent.
        SMTP_URL: 'smtp://127.0.0.1:9',
        ...testLimitsEnv(iso.id),
        ...(options.env ?? {}),
      },
    },
    router: {},
    serviceHost: '127.0.0.1',
    output: () => ({ kind: 'memory', keep: 40 }),
    sequential: true,
    readyTimeoutMs: 60_000,
  };
}

/** The supervisor's replicas as the fault tests see them (`child` is null once a replica died). */
function replicaViews(stack: RunningStack): Record<string, Replica[]> {
  return Object.fromEntries(
    Object.entries(stack.replicas).map(([service, rs]) => [
      service,
      rs.map((r) => ({
        service,
        index: r.index,
        port: r.port,
        url: r.url,
        get child() {
          return r.process?.child ?? null;
        },
        output: r.lines,
      })),
    ]),
  );
}

export async function startProcessStack(options: ProcessStackOptions = {}): Promise<ProcessStack> {
  const iso = isolate(options.label ?? 'faults');
  const ticketmaster = await startFakeTicketmaster({ port: 0, rateLimitPerSecond: 0 });
  const stripe = await startFakeStripe({
    port: 0,
    webhookSecret: FAULT_WEBHOOK_SECRET,
    webhookRetryBaseMs: 200,
    webhookRetryMaxMs: 1000,
  });
  const dbs = new Map<string, Connection>();
  const closeFakes = async () => {
    for (const c of dbs.values()) await c.close().catch(() => undefined);
    await ticketmaster.close();
    await stripe.close();
    await iso.cleanup();
  };
  let stack: RunningStack;
  try {
    stack = await startStack(faultTopology(iso, options, { tm: ticketmaster.url, stripe: stripe.url }));
  } catch (err) {
    await closeFakes();
    throw err;
  }
  stripe.controls.setWebhook({ url: `${stack.routerUrl}/api/webhooks/stripe` });
  const replicas = replicaViews(stack);
  const replicaOf = (service: string, index: number) => {
    const r = stack.replicas[service]?.[index];
    if (!r) throw new Error(`no replica ${service}#${index}`);
    return r;
  };

  const dbOf = async (service: string) => {
    let conn = dbs.get(service);
    if (!conn) {
      conn = await mongoose.createConnection(iso.mongoUrl(service), { serverSelectionTimeoutMS: 30_000 }).asPromise();
      dbs.set(service, conn);
    }
    return conn;
  };

  return {
    url: stack.routerUrl!,
    iso,
    stripe,
    ticketmasterUrl: ticketmaster.url,
    replicas,
    db: dbOf,
    async kill(service, index = 0) {
      await replicaOf(service, index).process?.kill();
    },
    restart: (service, index = 0) => stack.restart(service, index),
    logs() {
      return Object.values(replicas)
        .flat()
        .map((r) => `--- ${r.service}#${r.index}\n${r.output.join('\n')}`)
        .join('\n');
    },
    async stop() {
      try {
        await assertReconciled(await dbOf('payments'), stripe);
      } finally {
        await stack.stop();
        await closeFakes();
      }
    },
  };
}
