import { TooManyRequestsError } from '@bigtix/common';

/**
 * A fixed-window counter per key, in this process's memory. With N replicas the effective
 * limit is N times higher; that is accepted for brute-force protection (the cost of a guess
 * stays high because scrypt is slow) and keeps the database off the hot path.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt for every key; throws 429 with Retry-After when any key is over its limit. */
  hit(...keys: string[]): void {
    const now = this.now();
    let retryAfterMs = 0;
    for (const key of keys) {
      let w = this.windows.get(key);
      if (!w || w.resetAt <= now) {
        w = { count: 0, resetAt: now + this.windowMs };
        this.windows.set(key, w);
      }
      w.count += 1;
      if (w.count > this.limit) retryAfterMs = Math.max(retryAfterMs, w.resetAt - now);
    }
    if (this.windows.size > 10_000) this.sweep(now);
    if (retryAfterMs > 0) throw new TooManyRequestsError(retryAfterMs / 1000);
  }

  reset(): void {
    this.windows.clear();
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}
