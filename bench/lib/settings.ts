import { randomBytes } from 'node:crypto';

/**
 * Names and secrets of one bench stack: its own databases, exchange and queues, never the dev
 * ones. A run id in every name keeps two benchmark runs (or other engineers' scripts using
 * `bench-*` databases) from dropping or reading each other's data.
 */
export interface BenchSettings {
  runId: string;
  mongoBase: string;
  /** `<mongoBase>/<dbPrefix><service>`. */
  dbPrefix: string;
  exchange: string;
  queuePrefix: string;
  rabbitmqUrl: string;
  jwtSecret: string;
  stripeWebhookSecret: string;
  /** hamiltonNewYork in the fake's fixtures: on sale, never cancelled. */
  eventId: string;
}

export function benchSettings(runId = randomBytes(3).toString('hex')): BenchSettings {
  return {
    runId,
    mongoBase: process.env.BENCH_MONGO_BASE ?? 'mongodb://127.0.0.1:27017',
    dbPrefix: `bench-${runId}-`,
    exchange: `bigtix.bench.${runId}`,
    queuePrefix: `bench.${runId}.`,
    rabbitmqUrl: process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    jwtSecret: `bigtix-bench-only-secret-${runId}`,
    stripeWebhookSecret: 'whsec_bigtix_bench_secret',
    eventId: 'vvG1MYsdtpr5vTtG',
  };
}
