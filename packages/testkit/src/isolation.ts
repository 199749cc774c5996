import { randomBytes } from 'node:crypto';
import amqp from 'amqplib';
import { consumerQueueNames } from '@bigtix/common';
import mongoose from 'mongoose';

export const TEST_MONGO_BASE = process.env.MONGO_URL_BASE ?? 'mongodb://127.0.0.1:27017';
export const TEST_RABBITMQ_URL = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
export const TEST_JWT_SECRET = 'bigtix-test-secret';

/**
 * Rate limits for a test stack: counters in the shared Redis apart from every other test file's
 * (they outlive a run), and limits far above what one person does, since a test file signs up and
 * orders far more often. The abuse tests set the real limits back explicitly.
 */
export function testLimitsEnv(isolationId: string): Record<string, string> {
  return {
    REDIS_KEY_PREFIX: `bigtix:test:${isolationId}:`,
    SIGNUP_RATE_LIMIT_PER_IP: '100000',
    ORDER_RATE_LIMIT_PER_IP: '100000',
    ORDER_RATE_LIMIT_PER_USER: '100000',
    SEARCH_RATE_LIMIT_PER_IP: '100000',
  };
}

export interface Isolation {
  /** Unique suffix for this test file's database, exchange and queues. */
  id: string;
  mongoUrl(service: string): string;
  exchange: string;
  queuePrefix: string;
  /** Environment for startService: everything isolated, port 0, quiet logs. */
  env(service: string, extra?: Record<string, string>): NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

/**
 * Everything a test file needs to run beside other test files against the one dev database
 * and broker without seeing their data or messages: its own databases, exchange and queues,
 * all removed by cleanup().
 */
export function isolate(label = 't'): Isolation {
  const id = `${label.replace(/[^a-z0-9]/gi, '').slice(0, 12)}${randomBytes(4).toString('hex')}`;
  const databases = new Set<string>();
  const exchange = `bigtix.test.${id}`;
  const queuePrefix = `test.${id}.`;
  const mongoUrl = (service: string) => {
    const db = `t_${id}_${service}`.slice(0, 60);
    databases.add(db);
    return `${TEST_MONGO_BASE}/${db}`;
  };
  return {
    id,
    mongoUrl,
    exchange,
    queuePrefix,
    env: (service, extra = {}) => ({
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      MONGO_URL: mongoUrl(service),
      RABBITMQ_URL: TEST_RABBITMQ_URL,
      BIGTIX_EXCHANGE: exchange,
      BIGTIX_QUEUE_PREFIX: queuePrefix,
      JWT_SECRET: TEST_JWT_SECRET,
      OUTBOX_POLL_MS: '100',
      // Nothing listens on the discard port: a test's email fails fast and stays unsent instead
      // of landing in a developer's Mailpit. Tests that read mail pass startMailpit()'s SMTP_URL.
      SMTP_URL: 'smtp://127.0.0.1:9',
      ...testLimitsEnv(id),
      ...extra,
    }),
    async cleanup() {
      for (const db of databases) {
        const conn = await mongoose.createConnection(`${TEST_MONGO_BASE}/${db}`).asPromise();
        await conn.dropDatabase().catch(() => undefined);
        await conn.close();
      }
      const model = await amqp.connect(TEST_RABBITMQ_URL);
      try {
        const queues = [...consumerQueueNames(queuePrefix), `${queuePrefix}test.events`];
        for (const queue of queues) {
          for (const suffix of ['', '.retry', '.dead']) {
            const ch = await model.createChannel();
            ch.on('error', () => undefined);
            await ch.deleteQueue(`${queue}${suffix}`).catch(() => undefined);
            await ch.close().catch(() => undefined);
          }
        }
        const ch = await model.createChannel();
        ch.on('error', () => undefined);
        await ch.deleteExchange(exchange).catch(() => undefined);
        await ch.close().catch(() => undefined);
      } finally {
        await model.close();
      }
    },
  };
}
