import type { Worker } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import { expireDueOrders } from '../domain/expire-orders';
import { OrphanHoldSweeper } from '../domain/release-orphan-holds';
import { repairLaggingOutcomes } from '../domain/repair-outcomes';

/**
 * One loop, every `sweepMs`: expire due orders, finish outcomes whose writer crashed, release
 * holds whose order never appeared. Every step decides through unique keys, so any number of
 * replicas can run it at once.
 */
export function orderSweeper(deps: OrdersDeps): Worker & { runOnce(): Promise<void> } {
  const orphans = new OrphanHoldSweeper();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;

  const runOnce = async () => {
    await expireDueOrders(deps);
    await repairLaggingOutcomes(deps);
    await orphans.run(deps);
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .catch((err) => deps.logger.warn({ err: (err as Error).message }, 'order sweep failed; will retry'))
        .finally(() => {
          running = null;
          schedule();
        });
    }, deps.config.sweepMs);
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
