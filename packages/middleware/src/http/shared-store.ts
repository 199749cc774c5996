import Redis from 'ioredis';
import type { Logger } from '../logger';
import type { Worker } from '../service/start-service';
import { RateLimits } from './rate-limit';

/**
 * The one Redis every replica shares for what must hold across replicas but is not a business
 * record: rate-limit counters (and short-lived security state). Losing it loses no data.
 */
export interface SharedStore {
  redis: Redis;
  limits: RateLimits;
  /** A key under this deployment's (or test file's) prefix. */
  key(name: string): string;
  /** Connects at boot and disconnects at shutdown; add it to the service's workers. */
  worker: Worker;
}

export function sharedStoreConfig(env: NodeJS.ProcessEnv): { url: string; prefix: string } {
  return { url: env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: env.REDIS_KEY_PREFIX ?? 'bigtix:' };
}

export function createSharedStore(env: NodeJS.ProcessEnv, logger: Logger): SharedStore {
  const { url, prefix } = sharedStoreConfig(env);
  // No offline queue: while Redis is away a command fails at once (the limiters fall back to
  // memory) instead of waiting, so an outage never stalls requests.
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let warned = false;
  redis.on('error', (err: Error) => {
    if (!warned) logger.warn({ err: err.message }, 'redis unavailable; rate limits count per replica until it is back');
    warned = true;
  });
  redis.on('ready', () => {
    warned = false;
  });
  return {
    redis,
    limits: new RateLimits(redis, prefix),
    key: (name) => `${prefix}${name}`,
    worker: {
      async start() {
        // Boot does not wait for Redis forever: limits work (per replica) without it.
        await Promise.race([
          redis.connect().catch(() => undefined),
          new Promise((resolve) => setTimeout(resolve, 3000).unref()),
        ]);
      },
      async stop() {
        redis.disconnect();
      },
    },
  };
}
