import type Koa from 'koa';
import type { Connection } from 'mongoose';
import { AddressInfo } from 'node:net';
import http from 'node:http';
import { CONSUMER_QUEUES, EXCHANGE } from '@bigtix/common';
import { Registry } from 'prom-client';
import { BaseConfig, readBaseConfig } from '../config';
import { createLogger, Logger } from '../logger';
import { connectDatabase, ensureIndexes, pingDatabase } from '../db/connect';
import { BusConnection } from '../bus/connection';
import { Publisher } from '../bus/publisher';
import { Consumer, HandlerMap, cappedBackoff } from '../bus/consumer';
import { closeServer } from '../http/close-server';
import { metricsRegistryOf } from '../http/metrics';
import { OutboxRelay, OutboxSource } from '../outbox/outbox-relay';

/** A background loop (hold expiry, cleanup) started after boot and stopped before shutdown. */
export interface Worker {
  start(): void | Promise<void>;
  stop(): Promise<void>;
}

export interface ServiceContext {
  config: BaseConfig;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  db: Connection;
  bus: BusConnection;
  publisher: Publisher;
  /** Tells the outbox relay there is something to publish now. */
  nudgeOutbox: () => void;
  readiness: () => Promise<Record<string, boolean>>;
}

/**
 * One queue of a service, `<service>.<name>` (a name listed in CONSUMER_QUEUES), bound to the
 * routing keys of its handlers. A service gives events that must not wait behind others their
 * own queue (orders: payments apart from a flood of listings).
 */
export interface ConsumerSpec {
  name: string;
  handlers: HandlerMap;
  /** Unacknowledged messages per replica (default 20). */
  prefetch?: number;
}

export interface ServiceParts {
  app: Koa;
  consumers?: ConsumerSpec[];
  outbox?: OutboxSource[];
  workers?: Worker[];
}

export interface ServiceSpec {
  name: string;
  defaultPort: number;
  setup(ctx: ServiceContext): Promise<ServiceParts>;
}

export interface RunningService {
  url: string;
  port: number;
  ctx: ServiceContext;
  relay: OutboxRelay;
  consumers: Consumer[];
  server: http.Server;
  stop(): Promise<void>;
}

/**
 * Boots a service: database, broker, the app's parts, the outbox relay, consumers, workers and
 * the HTTP server. `env` defaults to process.env; tests pass their own database, exchange and
 * port 0. The order of `stop` matters: stop taking work, finish what is in flight, then close.
 */
export async function startService(spec: ServiceSpec, env: NodeJS.ProcessEnv = process.env): Promise<RunningService> {
  const config = readBaseConfig(spec.name, spec.defaultPort, env);
  const logger = createLogger(spec.name, config.logLevel);
  const db = await connectDatabase(config.mongoUrl);
  const bus = new BusConnection(config.rabbitmqUrl, logger);
  const exchange = env.BIGTIX_EXCHANGE ?? EXCHANGE;
  const publisher = new Publisher(bus, exchange);
  await publisher.start();
  await bus.start();

  let relay: OutboxRelay | null = null;
  const readiness = async () => ({ database: await pingDatabase(db), broker: bus.connected });
  const ctx: ServiceContext = { config, env, logger, db, bus, publisher, nudgeOutbox: () => relay?.nudge(), readiness };
  const parts = await spec.setup(ctx);
  await ensureIndexes(db);

  relay = new OutboxRelay(parts.outbox ?? [], publisher, logger, { pollIntervalMs: Number(env.OUTBOX_POLL_MS ?? 500) });
  await relay.start();

  const registry = metricsRegistryOf(parts.app) ?? new Registry();
  const consumers: Consumer[] = [];
  for (const c of parts.consumers ?? []) {
    const declared: readonly string[] = CONSUMER_QUEUES[spec.name as keyof typeof CONSUMER_QUEUES] ?? [];
    if (!declared.includes(c.name))
      throw new Error(`${spec.name}: consumer queue "${c.name}" is not listed in CONSUMER_QUEUES (@bigtix/common)`);
    const consumer = new Consumer(bus, publisher, logger, {
      queue: `${env.BIGTIX_QUEUE_PREFIX ?? ''}${spec.name}.${c.name}`,
      exchange,
      handlers: c.handlers,
      prefetch: c.prefetch,
      queueType: config.queueType,
      maxAttempts: Number(env.CONSUMER_MAX_ATTEMPTS ?? 10),
      backoffMs: cappedBackoff(Number(env.CONSUMER_MAX_BACKOFF_MS ?? 30_000)),
      registry,
    });
    await consumer.start();
    consumers.push(consumer);
  }
  for (const worker of parts.workers ?? []) await worker.start();

  const server = http.createServer(parts.app.callback());
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(config.port, env.HOST ?? '0.0.0.0', resolve));
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, `${spec.name} listening`);

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      await closeServer(server);
      for (const worker of parts.workers ?? []) await worker.stop();
      await Promise.all(consumers.map((c) => c.stop()));
      await relay!.stop();
      await bus.close();
      await db.close();
    })();
    return stopping;
  };

  return { url: `http://127.0.0.1:${port}`, port, ctx, relay, consumers, server, stop };
}

/** For a service's index.ts: start, and stop cleanly on SIGTERM/SIGINT (Kubernetes, Ctrl-C). */
export function runService(spec: ServiceSpec): void {
  startService(spec).then(
    (running) => {
      const shutdown = (signal: string) => {
        running.ctx.logger.info({ signal }, 'shutting down');
        const force = setTimeout(() => process.exit(1), 10_000);
        force.unref();
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
    },
    (err) => {
      console.error(`${spec.name} failed to start:`, err);
      process.exit(1);
    },
  );
}
