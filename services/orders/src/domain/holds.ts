import { claim, isDuplicateKeyError } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import { HoldDoc, HoldHeadDoc, HoldPurpose, minuteOf } from '../models/hold';
import { holdKey, lateOutcomeKey } from '../models/keys';

export type HoldAttempt = { taken: HoldDoc[]; lost: null } | { taken: HoldDoc[]; lost: string };

/**
 * How often a buyer looks again at a hold of an order still being created: from 20 ms, growing to
 * 200 ms. In a rush dozens of buyers wait for one creation; looking more often only slows it down.
 */
const waitMs = (attempt: number): number => Math.min(20 * 1.5 ** attempt, 200);

/** The ticket's live hold, or the generation a new hold of it would take. */
export async function currentHold(deps: OrdersDeps, ticketId: string): Promise<{ live: HoldDoc } | { free: number }> {
  const head = await deps.holdHeads.findOne({ _id: ticketId });
  // Generation g+1 exists only once g is released, so the live hold is the newest generation.
  for (let generation = head?.generation ?? 1; ; generation++) {
    const hold = await deps.holds.findOne({ _id: holdKey(ticketId, generation) });
    if (!hold) return { free: generation };
    if (!(await deps.holdReleases.findOne({ _id: hold._id }))) return { live: hold };
  }
}

/** The order that holds the ticket now, if any (a paid order holds its tickets forever). */
export async function findHolder(deps: OrdersDeps, ticketId: string): Promise<string | null> {
  const state = await currentHold(deps, ticketId);
  return 'live' in state ? state.live.orderId : null;
}

/**
 * One attempt at a ticket: the hold we took, or the live hold of whoever has it. Tries to take
 * the generation after the last one known before reading anything (two operations for a ticket
 * nobody has held), and reads only when someone was there first.
 */
async function takeHold(
  deps: OrdersDeps,
  ticketId: string,
  fields: Omit<HoldDoc, '_id' | 'ticketId' | 'generation'>,
  knownHead?: Promise<HoldHeadDoc | null>,
): Promise<{ taken: HoldDoc } | { live: HoldDoc }> {
  const head = await (knownHead ?? deps.holdHeads.findOne({ _id: ticketId }));
  for (let generation = head?.generation ?? 1; ; generation++) {
    const hold: HoldDoc = { _id: holdKey(ticketId, generation), ticketId, generation, ...fields };
    const { _id, ...rest } = hold;
    if (await claim(deps.holds, _id, rest)) {
      if (generation > 1) await moveHead(deps, ticketId, generation);
      return { taken: hold };
    }
    // Holds are never deleted, so the one that refused us is there; live unless released.
    const [existing, released] = await Promise.all([deps.holds.findOne({ _id }), deps.holdReleases.findOne({ _id })]);
    if (existing && !released) return { live: existing };
  }
}

async function moveHead(deps: OrdersDeps, ticketId: string, generation: number): Promise<void> {
  await deps.holdHeads.updateOne({ _id: ticketId }, { $set: { generation } }, { upsert: true }).catch((err) => {
    if (!isDuplicateKeyError(err)) throw err; // two first upserts at once: either hint will do
  });
}

/** Hold heads (hints) read ahead, beside other reads; a failed read is no hint (start from generation 1). */
export type HeadsRead = Map<string, Promise<HoldHeadDoc | null>>;

export function readHeads(deps: OrdersDeps, ticketIds: string[]): HeadsRead {
  return new Map(ticketIds.map((id) => [id, deps.holdHeads.findOne({ _id: id }).catch(() => null)]));
}

/**
 * Holds every ticket for the order, all or nothing, so that an order is refused only because
 * another order that *succeeded* holds one of its tickets:
 * - tickets are taken one at a time in one global order (sorted ids), so two orders that want
 *   overlapping tickets always meet first on the same ticket and never end up with half each;
 * - an order that meets a hold of an order still being created (it has not stored its order,
 *   nor given up) waits for it, up to `holdWaitMs`: if that order gives up, the ticket is taken;
 *   if it is stored, this order is refused. Waits only ever point to higher tickets, so they
 *   cannot form a cycle.
 * A ticket this very order already holds (a repeated late payment) counts as held.
 */
export async function takeHolds(
  deps: OrdersDeps,
  orderId: string,
  userId: string,
  ticketIds: string[],
  expiresAt: Date,
  purpose: HoldPurpose = 'order',
  /** Heads read ahead (readHeads): used for each ticket's first attempt only. */
  heads?: HeadsRead,
): Promise<HoldAttempt> {
  const now = deps.now();
  const fields = { orderId, userId, purpose, expiresAt, createdAt: new Date(now), minute: minuteOf(now) };
  const taken: HoldDoc[] = [];
  for (const ticketId of [...new Set(ticketIds)].sort()) {
    const deadline = Date.now() + deps.config.holdWaitMs;
    for (let attempt = 0; ; attempt++) {
      const result = await takeHold(deps, ticketId, fields, attempt === 0 ? heads?.get(ticketId) : undefined);
      if ('taken' in result) {
        taken.push(result.taken);
        break;
      }
      const holder = result.live;
      if (holder.orderId === orderId) break;
      if ((await waitForHolder(deps, holder, deadline)) === 'stored') return { taken, lost: ticketId };
    }
  }
  return { taken, lost: null };
}

/**
 * Waits until the order holding `hold` is stored (it succeeded: we are refused) or gives the hold
 * back (we try again). Looks only at that one hold and order, backing off, so that waiting buyers
 * do not slow down the creation they wait for. Past the deadline it counts as stored.
 */
async function waitForHolder(deps: OrdersDeps, hold: HoldDoc, deadline: number): Promise<'stored' | 'released'> {
  const local = deps.creations.ended(hold.orderId);
  if (local) {
    const timeout = new Promise<'late'>((r) => setTimeout(() => r('late'), Math.max(0, deadline - Date.now())).unref());
    const end = await Promise.race([local, timeout]);
    // Given up: look at the ticket again (the holds say whether it is free now).
    return end === 'given-up' ? 'released' : 'stored';
  }
  for (let attempt = 0; ; attempt++) {
    // takeHold has just read the hold as not released: the first look asks only about the order.
    const [succeeded, released] = await Promise.all([
      holderSucceeded(deps, hold),
      attempt === 0 ? null : deps.holdReleases.findOne({ _id: hold._id }),
    ]);
    if (succeeded) return 'stored';
    if (released) return 'released';
    if (Date.now() >= deadline) return 'stored';
    await new Promise((r) => setTimeout(r, waitMs(attempt)));
  }
}

/**
 * Whether the holder has succeeded. A creation has once its order document exists (not merely its
 * change record: a creation that crashed after claiming it is rolled forward by the relay within
 * seconds, so the document appears all the same). A late payment's retake has only once its own
 * verdict says paid: until then it may still be rejected and give the ticket back.
 */
async function holderSucceeded(deps: OrdersDeps, hold: HoldDoc): Promise<boolean> {
  if (hold.purpose === 'late')
    return (await deps.outcomes.findOne({ _id: lateOutcomeKey(hold.orderId) }))?.outcome === 'paid';
  return (await deps.orders.findById(hold.orderId)) !== null;
}

/** The order exists (or its first version is claimed, which the relay rolls forward). */
export async function orderStored(deps: OrdersDeps, orderId: string): Promise<boolean> {
  return (await deps.orders.findById(orderId)) !== null || (await deps.orders.hasChange(orderId, 1));
}

/** Ends holds by inserting their release markers; idempotent, and safe from anyone at any time. */
export async function releaseHolds(deps: OrdersDeps, holds: Pick<HoldDoc, '_id' | 'orderId'>[]): Promise<number> {
  const now = new Date(deps.now());
  const won = await Promise.all(
    holds.map((h) => claim(deps.holdReleases, h._id, { orderId: h.orderId, releasedAt: now })),
  );
  return won.filter(Boolean).length;
}

/** Releases the order's holds taken for `purpose`. */
export async function releaseHoldsOf(deps: OrdersDeps, orderId: string, purpose: HoldPurpose): Promise<number> {
  const holds = await deps.holds.find({ orderId }).toArray();
  return releaseHolds(
    deps,
    holds.filter((h) => (h.purpose ?? 'order') === purpose),
  );
}
