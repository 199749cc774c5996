import type { OrdersDeps } from '../deps';
import type { HoldDoc } from '../models/hold';
import { claimOutcome, settleOutcome } from './outcomes';

/**
 * Releases holds whose order never came to exist (its creation crashed after taking the holds
 * and before storing the order). Such an order is "abandoned" through the same outcome claim as
 * everything else, so a creator that was merely slow and stores its order later sees it expire.
 * Holds once seen with their order never need checking again (orders are never deleted), so each
 * sweeper keeps a high-water mark on `createdAt` and only looks at newer holds.
 */
export class OrphanHoldSweeper {
  private scannedUntil = new Date(0);

  async run(deps: OrdersDeps, batch = 500): Promise<number> {
    const cutoff = new Date(deps.now() - deps.config.orphanGraceSeconds * 1000);
    const holds = (await deps.holds
      .find({ createdAt: { $gte: this.scannedUntil, $lte: cutoff } })
      .sort({ createdAt: 1 })
      .limit(batch)
      .toArray()) as HoldDoc[];
    if (holds.length === 0) return 0;
    const orderIds = [...new Set(holds.map((h) => h.orderId))];
    const stored = new Set((await deps.orderDocs.find({ _id: { $in: orderIds } }).toArray()).map((o) => o._id));
    // A claimed first version means the order exists for the relay, which rolls it forward.
    const claimed = await deps.orders.changes.find({ _id: { $in: orderIds.map((id) => `${id}@1`) } } as never).toArray();
    for (const c of claimed) stored.add(String(c.aggregateId));
    let released = 0;
    for (const orderId of orderIds.filter((id) => !stored.has(id))) {
      const { won, doc } = await claimOutcome(deps, orderId, orderId, 'abandoned', { reason: 'order creation did not finish' });
      if (won) {
        await settleOutcome(deps, doc);
        released += 1;
      }
    }
    this.scannedUntil = holds.length === batch ? new Date(holds[holds.length - 1].createdAt) : cutoff;
    return released;
  }
}
