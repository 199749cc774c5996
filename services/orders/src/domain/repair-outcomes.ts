import { claim } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import { repairLeaseKey } from '../models/keys';
import { settleOutcome } from './outcomes';

/**
 * Finishes outcomes whose winner died after claiming them (order doc not updated, holds not
 * released, refund not requested). An outcome counts as abandoned by its writer after
 * `repairAfterMs`; a short lease claim per time window keeps two sweepers from doing the same
 * repair twice (settling is idempotent, so this only saves work).
 */
export async function repairLaggingOutcomes(deps: OrdersDeps, batch = 100): Promise<number> {
  const now = deps.now();
  const lagging = await deps.outcomes
    .find({ pending: 1, decidedAt: { $lte: new Date(now - deps.config.repairAfterMs) } })
    .limit(batch)
    .toArray();
  let repaired = 0;
  const window = Math.floor(now / Math.max(deps.config.repairAfterMs, 1000));
  for (const outcome of lagging) {
    if (!(await claim(deps.repairLeases, repairLeaseKey(outcome._id, window), { createdAt: new Date(now) }))) continue;
    await settleOutcome(deps, outcome);
    repaired += 1;
  }
  return repaired;
}
