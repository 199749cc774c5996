import { ConflictError, UserDto } from '@bigtix/common';
import { claim } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import { holdSlotKey } from '../models/keys';
import type { OrderDoc } from '../models/order';
import { cancelOrderBySystem } from './cancel-order';

/**
 * One of a buyer's MAX_HELD_TICKETS places for a held ticket: `_id` is `<userId>#<slot>@<gen>`.
 * A generation is live while its order can still be paid (no outcome yet, not past expiry) and
 * its order was not refused here (`freed`).
 */
export interface HoldSlotDoc {
  _id: string;
  userId: string;
  slot: number;
  gen: number;
  orderId: string;
  expiresAt: Date;
  createdAt: Date;
}

export interface SlotState {
  slot: number;
  /** The newest generation of this slot, if any. */
  gen: number;
  live: boolean;
}

/**
 * The buyer's slots and whether each is in use now. Known limit: old generations are never
 * deleted (deleting one that a slow reader still takes for the newest would let it re-insert
 * it), so this reads a buyer's whole history: fine for people, worth a pruning sweep of
 * generations far behind the newest if a buyer ever has thousands of orders.
 */
async function readSlots(deps: OrdersDeps, userId: string): Promise<SlotState[]> {
  const docs = await deps.holdSlots.find({ userId }).toArray();
  const newest = new Map<number, HoldSlotDoc>();
  for (const d of docs) if ((newest.get(d.slot)?.gen ?? -1) < d.gen) newest.set(d.slot, d);
  const orderIds = [...new Set([...newest.values()].map((d) => d.orderId))];
  const decided = new Set(
    orderIds.length === 0
      ? []
      : (await deps.outcomes.find({ _id: { $in: orderIds } }, { projection: { _id: 1 } }).toArray()).map((o) => o._id),
  );
  const now = deps.now();
  return Array.from({ length: deps.config.maxHeldTickets }, (_, slot) => {
    const d = newest.get(slot);
    return { slot, gen: d?.gen ?? 0, live: !!d && !decided.has(d.orderId) && d.expiresAt.getTime() > now };
  });
}

function overLimit(max: number, holding: number): ConflictError {
  return new ConflictError(
    `You can hold at most ${max} tickets at once (you hold ${holding}); pay for or cancel an order first`,
    { maxHeldTickets: max, held: holding },
  );
}

/** What checkHoldLimit read, for claimHoldSlots to start from instead of reading it again. */
export interface SlotsRead {
  slots: SlotState[];
}

/**
 * Before taking holds: refuses at once a buyer who is already at the limit (no ticket is touched).
 * Returns what it read: a slot read as not live stays not live, so claimHoldSlots may start from it.
 */
export async function checkHoldLimit(deps: OrdersDeps, buyer: UserDto, wanted: number): Promise<SlotsRead> {
  const slots = await readSlots(deps, buyer.id);
  const holding = slots.filter((s) => s.live).length;
  if (holding + wanted > deps.config.maxHeldTickets) throw overLimit(deps.config.maxHeldTickets, holding);
  return { slots };
}

/**
 * After the order exists: gives each of its tickets one of the buyer's slots, or cancels the
 * order and answers 409. Why this is race-free: a slot is taken by inserting its next generation
 * `<userId>#<slot>@<gen+1>`, a unique key, and only after reading generation `gen` as not live.
 * Not live is final (an outcome is never undone, expiry only comes closer), so the generation read
 * stays free; two orders that both read it so both insert the same next key, and exactly one
 * wins. A buyer's concurrent orders therefore can never hold more than MAX_HELD_TICKETS slots.
 */
export async function claimHoldSlots(
  deps: OrdersDeps,
  buyer: UserDto,
  order: OrderDoc,
  /** checkHoldLimit's read: the first round tries its free slots (a newer generation only makes an insert lose). */
  known?: SlotsRead,
): Promise<void> {
  const wanted = order.tickets.length;
  const won: number[] = [];
  const tried = new Set<string>();
  for (let round = 0; round < 3 && won.length < wanted; round++) {
    const slots = round === 0 && known ? known.slots : await readSlots(deps, buyer.id);
    const free = slots.filter((s) => !s.live && !won.includes(s.slot));
    for (const s of free) {
      if (won.length === wanted) break;
      const key = holdSlotKey(buyer.id, s.slot, s.gen + 1);
      if (tried.has(key)) continue;
      tried.add(key);
      const doc = {
        userId: buyer.id,
        slot: s.slot,
        gen: s.gen + 1,
        orderId: order._id,
        expiresAt: order.expiresAt,
        createdAt: new Date(deps.now()),
      };
      if (await claim(deps.holdSlots, key, doc)) won.push(s.slot);
    }
    if (free.length === 0) break;
  }
  if (won.length === wanted) return;
  // Cancelling decides the order's outcome, which is also what frees the slots it did win.
  await cancelOrderBySystem(deps, order._id, `more than ${deps.config.maxHeldTickets} tickets held by the buyer`);
  const holding = (await readSlots(deps, buyer.id)).filter((s) => s.live).length;
  throw overLimit(deps.config.maxHeldTickets, holding);
}
