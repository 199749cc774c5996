import type { Worker } from '@bigtix/middleware';
import type { Tokens } from '../domain/tokens';

/**
 * Every `intervalMs`, the revocations still in force are written back to Redis from the tokens
 * record, so a Redis restart (it keeps no snapshot) forgets no sign-out for longer than that.
 */
export function revocationResync(tokens: Tokens, intervalMs = 60_000): Worker {
  let timer: NodeJS.Timeout | null = null;
  return {
    start: () => {
      timer = setInterval(() => void tokens.resyncRevocations().catch(() => undefined), intervalMs);
      timer.unref();
    },
    stop: async () => {
      if (timer) clearInterval(timer);
    },
  };
}
