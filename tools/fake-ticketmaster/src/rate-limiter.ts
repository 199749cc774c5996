// Two limits, as on the real gateway: a spike arrest (N requests per rolling second) and a daily
// quota whose state is reported in the Rate-Limit-* headers. `perSecond: 0` turns both off (the
// headers are still sent) so dev runs and bulk benchmarks are never throttled.

const SECOND_MS = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RateLimiterOptions {
  perSecond: number;
  dailyQuota: number;
  now: () => number;
}

export type RateLimitHeaders = Record<
  'Rate-Limit' | 'Rate-Limit-Available' | 'Rate-Limit-Over' | 'Rate-Limit-Reset',
  string
>;

export type RateDecision =
  | { allowed: true; headers: RateLimitHeaders }
  | { allowed: false; reason: 'spike-arrest' | 'quota'; headers: RateLimitHeaders };

interface KeyState {
  /** Times of accepted requests in the last second. */
  recent: number[];
  quotaStartedAt: number;
  used: number;
  over: number;
}

export class RateLimiter {
  private readonly keys = new Map<string, KeyState>();

  constructor(private readonly options: RateLimiterOptions) {}

  get perSecond(): number {
    return this.options.perSecond;
  }

  /** Records one request for the key and says whether it may proceed. */
  take(key: string): RateDecision {
    const now = this.options.now();
    const state = this.stateFor(key, now);
    const limited = this.options.perSecond > 0;

    state.recent = state.recent.filter((t) => now - t < SECOND_MS);
    if (limited && state.recent.length >= this.options.perSecond) {
      return { allowed: false, reason: 'spike-arrest', headers: this.headers(state) };
    }
    if (limited && state.used >= this.options.dailyQuota) {
      state.over += 1;
      return { allowed: false, reason: 'quota', headers: this.headers(state) };
    }
    state.recent.push(now);
    state.used += 1;
    return { allowed: true, headers: this.headers(state) };
  }

  reset(): void {
    this.keys.clear();
  }

  private stateFor(key: string, now: number): KeyState {
    let state = this.keys.get(key);
    // Like the real key, the quota day starts with the first call and lasts 24 hours.
    if (!state || now >= state.quotaStartedAt + DAY_MS) {
      state = { recent: state?.recent ?? [], quotaStartedAt: now, used: 0, over: 0 };
      this.keys.set(key, state);
    }
    return state;
  }

  private headers(state: KeyState): RateLimitHeaders {
    return {
      'Rate-Limit': String(this.options.dailyQuota),
      'Rate-Limit-Available': String(Math.max(0, this.options.dailyQuota - state.used)),
      'Rate-Limit-Over': String(state.over),
      'Rate-Limit-Reset': String(state.quotaStartedAt + DAY_MS),
    };
  }
}
