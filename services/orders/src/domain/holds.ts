import { claim } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import { minuteOf } from '../models/hold';

export interface HoldAttempt {
  taken: string[];
  lost: string[];
}

/** Inserts one hold per ticket for the order; each insert has exactly one winner across all orders. */
export async function takeHolds(
  deps: OrdersDeps,
  orderId: string,
  userId: string,
  ticketIds: string[],
  expiresAt: Date,
): Promise<HoldAttempt> {
  const now = deps.now();
  const hold = { orderId, userId, expiresAt, createdAt: new Date(now), minute: minuteOf(now) };
  const results = await Promise.all(
    ticketIds.map(async (ticketId) => ({ ticketId, won: await claim(deps.holds, ticketId, hold) })),
  );
  return {
    taken: results.filter((r) => r.won).map((r) => r.ticketId),
    lost: results.filter((r) => !r.won).map((r) => r.ticketId),
  };
}

/**
 * Deletes the holds of one order. Callers must be the one party entitled to release them (the
 * winner of the order's outcome claim): a delete is by `_id` only, because FerretDB evaluates any
 * other filter apart from the delete. Since nobody else deletes this order's holds, a hold read
 * here as belonging to the order still belongs to it when the delete runs.
 */
export async function releaseHoldsOf(deps: OrdersDeps, orderId: string): Promise<number> {
  const holds = await deps.holds.find({ orderId }).toArray();
  let released = 0;
  for (const hold of holds) {
    const result = await deps.holds.deleteOne({ _id: hold._id });
    released += result.deletedCount;
  }
  return released;
}

/** Releases specific holds this caller itself inserted (and nobody else could have deleted). */
export async function releaseTaken(deps: OrdersDeps, ticketIds: string[]): Promise<void> {
  await Promise.all(ticketIds.map((id) => deps.holds.deleteOne({ _id: id })));
}
