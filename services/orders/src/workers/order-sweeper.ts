import { Worker, periodicWorker } from '@bigtix/middleware';
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
  return periodicWorker({
    what: 'order sweep',
    intervalMs: deps.config.sweepMs,
    logger: deps.logger,
    async run() {
      await expireDueOrders(deps);
      await repairLaggingOutcomes(deps);
      await orphans.run(deps);
    },
  });
}
