import { TooManyRequestsError } from '@bigtix/common';
import type Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface LimitRule {
  /** Attempts allowed per key in one window. */
  points: number;
  durationSeconds: number;
  /** What the 429 says (the default names nothing about the policy). */
  message?: string;
}

/**
 * One named limit (e.g. "orders per user"), counted in Redis so that every replica of every
 * service sees the same counters: with N replicas the limit is still the limit, not N times it.
 * Counting is rate-limiter-flexible's (an atomic INCR + PEXPIRE per key in Redis). If Redis is
 * unreachable the insurance limiter counts in this process's memory instead: a Redis outage
 * weakens the limits to per-replica for its duration rather than failing every request.
 */
export class Limit {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly rule: LimitRule,
  ) {}

  /** Counts one attempt for the key; 429 with Retry-After once the key is over its limit. */
  async hit(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (err) {
      throw this.refusal(err);
    }
  }

  /** 429 if the key is already over its limit, without counting (limits that count only failures). */
  async check(key: string): Promise<void> {
    const res = await this.limiter.get(key);
    if (res && res.consumedPoints >= this.rule.points) throw this.refusal(res);
  }

  /** Counts one failure for the key without refusing this request (the next `check` will). */
  async penalize(key: string): Promise<void> {
    await this.limiter.penalty(key);
  }

  /** Forgets the key (a successful sign-in clears its failures). */
  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }

  private refusal(err: unknown): Error {
    if (!(err instanceof RateLimiterRes)) return err as Error;
    return new TooManyRequestsError(err.msBeforeNext / 1000, this.rule.message);
  }
}

/** Where the limits of one service keep their counters; one per process. */
export class RateLimits {
  constructor(
    private readonly redis: Redis | null,
    /** Keeps deployments (and test files) sharing one Redis apart. */
    private readonly prefix: string,
  ) {}

  limit(name: string, rule: LimitRule): Limit {
    const options = { keyPrefix: `${this.prefix}rl:${name}`, points: rule.points, duration: rule.durationSeconds };
    const memory = new RateLimiterMemory(options);
    const limiter = this.redis
      ? new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: memory })
      : memory;
    return new Limit(limiter, rule);
  }
}
