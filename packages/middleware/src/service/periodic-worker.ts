import type { Logger } from '../logger';
import type { Worker } from './start-service';

export interface PeriodicWorkerOptions {
  /** What the pass is, for the log line when one fails. */
  what: string;
  intervalMs: number;
  logger: Logger;
  /** One pass; `stopping()` turns true when stop() is called during a scheduled pass, so a long pass can end early (a pass called directly with runOnce() always runs to the end). */
  run(stopping: () => boolean): Promise<void>;
}

/**
 * A background loop that runs one pass, waits `intervalMs`, and runs again; a failed pass is
 * logged and the next one comes as usual. stop() waits for the pass in flight. The passes must be
 * safe in many replicas at once (every state change a claim), since every replica runs them.
 */
export function periodicWorker(options: PeriodicWorkerOptions): Worker & { runOnce(): Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;
  const runOnce = () => options.run(() => stopped && running !== null);

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .catch((err) => options.logger.warn({ err: (err as Error).message }, `${options.what} failed; will retry`))
        .finally(() => {
          running = null;
          schedule();
        });
    }, options.intervalMs);
  };
  return {
    runOnce,
    start() {
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
