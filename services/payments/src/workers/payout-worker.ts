import { Worker, periodicWorker } from '@bigtix/middleware';
import type { PaymentsDeps } from '../deps';
import { settleProceeds } from '../domain/payouts/settle-proceeds';

/**
 * Every PAYOUT_SWEEP_MS: settle every sale that is not finished (transfer the due ones, reverse
 * the refunded ones). Every step decides through unique keys, so all replicas run it at once.
 * Known limit: it reads every proceeds document each pass; with many sales, an index of open
 * ones (deleted by `_id` when settled) would keep a pass proportional to the work left.
 */
export function payoutWorker(
  deps: PaymentsDeps,
  name = `worker-${process.pid}`,
): Worker & { runOnce(): Promise<void> } {
  return periodicWorker({
    what: 'payout sweep',
    intervalMs: deps.config.payoutSweepMs,
    logger: deps.logger,
    async run(stopping) {
      const open = await deps.payouts.store.proceeds.find({}).toArray();
      for (const p of open) {
        if (stopping()) return;
        await settleProceeds(deps, p, name).catch((err: Error) =>
          deps.logger.warn({ orderId: p.orderId, sellerId: p.sellerId, err: err.message }, 'payout failed; will retry'),
        );
      }
    },
  });
}
