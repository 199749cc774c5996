/**
 * A FIFO queue that lets at most `perWindow` calls start in any rolling window. A plain token
 * bucket (burst N, refill N/s) lets almost 2N through in one rolling second, which is exactly
 * what Ticketmaster's spike arrest counts, so this keeps the start times of the last N calls
 * and makes the next one wait until the oldest leaves the window (plus a margin for the trip).
 * Per process: with N replicas the key's budget is shared, so the client still retries the
 * 429s that slip through.
 */
export class RateLimiter {
  private readonly starts: number[] = [];
  private readonly queue: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly perWindow: number,
    private readonly windowMs = 1_000,
    private readonly marginMs = 50,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves when the caller may start one request. */
  take(): Promise<void> {
    if (this.perWindow <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.queue.push(resolve);
      this.drain();
    });
  }

  get waiting(): number {
    return this.queue.length;
  }

  private drain(): void {
    const span = this.windowMs + this.marginMs;
    while (this.queue.length > 0) {
      const now = this.now();
      while (this.starts.length > 0 && now - this.starts[0] >= span) this.starts.shift();
      if (this.starts.length >= this.perWindow) break;
      this.starts.push(now);
      this.queue.shift()!();
    }
    if (this.queue.length > 0 && !this.timer) {
      const waitMs = this.starts[0] + span - this.now();
      this.timer = setTimeout(
        () => {
          this.timer = null;
          this.drain();
        },
        Math.max(1, waitMs),
      );
    }
  }
}
