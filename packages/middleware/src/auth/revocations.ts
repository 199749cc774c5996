import type { Logger } from '../logger';
import type { SharedStore } from '../http/shared-store';

/**
 * Revoked session and CLI token ids, in the Redis every replica of every service reads: a
 * revocation is seen by the next request anywhere (a broadcast over the bus would reach each
 * replica only when its consumer gets to it, and a replica that was down would miss it). Each
 * entry lives until the token would have expired anyway, so the set never outgrows the tokens
 * still valid. If Redis cannot be asked, the token is honoured (logged): an outage of the
 * shared store must not sign everybody out; the auth service's own list stays authoritative.
 */
export class Revocations {
  constructor(
    private readonly store: SharedStore,
    private readonly logger: Logger,
  ) {}

  async revoke(id: string, expiresAt: Date): Promise<void> {
    const seconds = Math.ceil((expiresAt.getTime() - Date.now()) / 1000);
    if (seconds <= 0) return;
    await this.store.redis.set(this.store.key(`revoked:${id}`), '1', 'EX', seconds);
  }

  async isRevoked(id: string): Promise<boolean> {
    try {
      return (await this.store.redis.exists(this.store.key(`revoked:${id}`))) === 1;
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'revocation list unavailable; token honoured');
      return false;
    }
  }
}
