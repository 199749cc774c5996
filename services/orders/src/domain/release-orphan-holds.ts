import type { OrdersDeps } from '../deps';
import { HoldDoc, minuteOf } from '../models/hold';
import { orderStored } from './holds';
import { claimOutcome, settleOutcome } from './outcomes';

/**
 * Releases holds whose order never came to exist (its creation crashed after taking the holds
 * and before storing the order). Such an order is "abandoned" through the same outcome claim as
 * everything else, so a creator that was merely slow and stores its order later sees it expire.
 *
 * Holds once seen with their order never need checking again (orders are never deleted), so a
 * sweeper reads only the minute buckets it has not finished (`minute` equality is pushed down to
 * SQL by FerretDB; a `createdAt` range would scan every hold, including every sold ticket's).
 * The first pass after boot checks all holds older than the grace period once.
 */
export class OrphanHoldSweeper {
  /** Every bucket before this one has been checked; null until the first full pass. */
  private fromMinute: number | null = null;
  /** Orders already confirmed in the bucket that is still being revisited. */
  private confirmed = new Set<string>();

  async run(deps: OrdersDeps): Promise<number> {
    const cutoffMs = deps.now() - deps.config.orphanGraceSeconds * 1000;
    const cutoffMinute = minuteOf(cutoffMs);
    let holds: HoldDoc[] = [];
    if (this.fromMinute === null) {
      holds = (await deps.holds.find({ createdAt: { $lte: new Date(cutoffMs) } }).toArray()) as HoldDoc[];
    } else {
      for (let m = this.fromMinute; m <= cutoffMinute; m++)
        holds.push(...((await deps.holds.find({ minute: m }).toArray()) as HoldDoc[]));
    }
    holds = holds.filter((h) => new Date(h.createdAt).getTime() <= cutoffMs);
    let released = 0;
    for (const orderId of new Set(holds.map((h) => h.orderId))) {
      if (this.confirmed.has(orderId)) continue;
      if (await orderStored(deps, orderId)) {
        this.confirmed.add(orderId);
        continue;
      }
      const { won, doc } = await claimOutcome(deps, orderId, orderId, 'abandoned', {
        reason: 'order creation did not finish',
      });
      if (won) {
        await settleOutcome(deps, doc);
        released += 1;
      }
    }
    // The cutoff's own minute is only partly past the grace period: look at it again next time.
    if (this.fromMinute !== cutoffMinute)
      this.confirmed = new Set(
        holds.filter((h) => h.minute === cutoffMinute && this.confirmed.has(h.orderId)).map((h) => h.orderId),
      );
    this.fromMinute = cutoffMinute;
    return released;
  }
}
