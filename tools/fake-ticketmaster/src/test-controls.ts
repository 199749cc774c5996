// Knobs for tests of the real Ticketmaster client: slow responses (timeouts), injected failures
// (retries) and a log of calls (caching: "listing 1000 tickets costs one call").

export interface RequestLogEntry {
  method: string;
  path: string;
  /** Query parameters as received (first value of each), apikey included. */
  query: Record<string, string>;
  /** Final status, filled in when the response is sent. */
  status?: number;
  at: string;
}

interface PendingDelay {
  timer: NodeJS.Timeout;
  resolve: () => void;
}

export class TestControls {
  private latency = 0;
  private readonly failures: number[] = [];
  private readonly pending = new Set<PendingDelay>();
  private readonly resetHooks: (() => void)[] = [];
  /** Every Discovery request, oldest first. Cleared in place by `reset()`. */
  readonly requestLog: RequestLogEntry[] = [];

  get latencyMs(): number {
    return this.latency;
  }

  /** Delays every Discovery response by `ms` (0 turns it off). */
  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('latency must be a non-negative number of ms');
    this.latency = ms;
  }

  /** The next `count` Discovery requests answer `status` (with the real gateway's body for it). */
  failNext(status: number, count = 1): void {
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new RangeError('status must be an HTTP error status (400-599)');
    }
    if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a positive integer');
    for (let i = 0; i < count; i++) this.failures.push(status);
  }

  get pendingFailures(): number {
    return this.failures.length;
  }

  /** Consumes one injected failure, if any. */
  takeFailure(): number | undefined {
    return this.failures.shift();
  }

  /** Clears latency, injected failures, the log and the rate limiter's counters. */
  reset(): void {
    this.latency = 0;
    this.failures.length = 0;
    this.requestLog.length = 0;
    this.releaseDelays();
    for (const hook of this.resetHooks) hook();
  }

  onReset(hook: () => void): void {
    this.resetHooks.push(hook);
  }

  /** Waits out the configured latency; `releaseDelays()` ends every wait at once (server close). */
  delay(): Promise<void> {
    if (this.latency <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const entry: PendingDelay = {
        timer: setTimeout(() => {
          this.pending.delete(entry);
          resolve();
        }, this.latency),
        resolve,
      };
      this.pending.add(entry);
    });
  }

  releaseDelays(): void {
    for (const entry of this.pending) {
      clearTimeout(entry.timer);
      entry.resolve();
    }
    this.pending.clear();
  }
}
