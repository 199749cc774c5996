/**
 * Object timestamps (created, expires_at, canceled_at) come from this clock so tests can move time forward
 * (for example to expire a ConfirmationToken). Webhook signatures always use the real time, because receivers
 * check `t=` against their own clock.
 */
export interface Clock {
  /** Unix seconds. */
  nowSeconds(): number;
  advance(seconds: number): void;
  reset(): void;
}

export function createClock(now: () => number = Date.now): Clock {
  let offsetSeconds = 0;
  return {
    nowSeconds: () => Math.floor(now() / 1000) + offsetSeconds,
    advance: (seconds) => {
      offsetSeconds += seconds;
    },
    reset: () => {
      offsetSeconds = 0;
    },
  };
}
