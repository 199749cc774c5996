import type { Limit, RateLimits } from '@bigtix/middleware';
import type { AuthConfig } from '../config';

/**
 * How sign-in (cookie or CLI token) slows password guessing without letting anyone lock an
 * owner out of their account:
 * - failures are counted per email *and* client IP: 10 wrong passwords for one account from one
 *   address refuse that address for that account (429, even with the right password) until the
 *   window ends. An attacker elsewhere cannot use up the owner's attempts, since they count under
 *   the attacker's own address; a success clears the address's count;
 * - every attempt is also counted per client IP (100 a minute), which bounds guessing across
 *   many accounts (credential stuffing) and, with scrypt's cost, the rate of a distributed guess.
 * The counters are in Redis, so the limits are the same with one replica or ten.
 */
export class SignInLimits {
  private readonly failures: Limit;
  private readonly perIp: Limit;

  constructor(limits: RateLimits, config: AuthConfig) {
    const window = config.loginWindowSeconds;
    const message = 'Too many sign-in attempts; try again later';
    this.failures = limits.limit('signin-fail', {
      points: config.loginAttemptsPerWindow,
      durationSeconds: window,
      message,
    });
    this.perIp = limits.limit('signin-ip', {
      points: config.loginAttemptsPerIpPerWindow,
      durationSeconds: window,
      message,
    });
  }

  /** Before checking a password: 429 if this address is over either limit. */
  async admit(email: string, ip: string): Promise<void> {
    await this.perIp.hit(ip);
    await this.failures.check(key(email, ip));
  }

  /** After the check: a failure counts against this address and account, a success clears it. */
  async record(email: string, ip: string, ok: boolean): Promise<void> {
    if (ok) await this.failures.reset(key(email, ip));
    else await this.failures.penalize(key(email, ip));
  }
}

const key = (email: string, ip: string) => `${email.toLowerCase()}|${ip}`;
