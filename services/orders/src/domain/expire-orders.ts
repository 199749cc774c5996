import type { OrdersDeps } from '../deps';
import type { OrderDoc } from '../models/order';
import { decideOutcome } from './outcomes';

/**
 * Expires unpaid orders past `expiresAt`. Safe in many replicas at once: each order's outcome is
 * a unique insert, so a second sweeper (or a buyer's cancel, or a payment) simply loses.
 */
export async function expireDueOrders(deps: OrdersDeps, batch = 200): Promise<number> {
  const due = (await deps.orderDocs
    .find({ rank: 0, expiresAt: { $lte: new Date(deps.now()) } })
    .sort({ expiresAt: 1 })
    .limit(batch)
    .toArray()) as OrderDoc[];
  let expired = 0;
  for (const order of due) {
    if ((await decideOutcome(deps, order._id, 'expired', { reason: 'hold expired' })).won) expired += 1;
  }
  return expired;
}
