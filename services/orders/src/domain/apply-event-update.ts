import type { EventUpdatedData } from '@bigtix/common';
import { claim } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import { EventVersionDoc, closedForSale, latestEvent } from '../models/event-facts';
import { eventVersionKey, lateOutcomeKey } from '../models/keys';
import { OrderDoc, canMove } from '../models/order';
import { decideOutcome, settleOutcome } from './outcomes';
import { requestCancelRefund } from './request-cancel-refund';

/**
 * `event.updated` from tickets. Stores the version (once), then makes the orders of the event
 * agree with what is now known of it:
 * - cancelled (final): every open order is cancelled (its holds released) and every paid order
 *   gets one refund request (`order.refund-requested`, keyed by the order id);
 * - started: every open order is cancelled, so its holds are released (new orders are refused
 *   by createOrder from the same facts).
 * Every step is a claim (outcome, refund request), so duplicate and concurrent deliveries, a
 * redelivery after a crash, and the rescan worker all end in the same state, once.
 */
export async function applyEventUpdate(deps: OrdersDeps, data: EventUpdatedData): Promise<void> {
  await claim<EventVersionDoc>(deps.eventVersions, eventVersionKey(data.eventId, data.version), {
    eventId: data.eventId,
    version: data.version,
    status: data.status,
    start: data.start ? new Date(data.start) : null,
    end: data.end ? new Date(data.end) : null,
    started: data.started,
    receivedAt: new Date(deps.now()),
  });
  // Cancelled is final, whatever version came after it; otherwise the newest version decides.
  const latest = await latestEvent(deps.eventVersions, data.eventId);
  const verdict = data.status === 'cancelled' ? 'cancelled' : closedForSale(latest);
  if (verdict) await settleOrdersOfClosedEvent(deps, data.eventId, verdict);
}

/**
 * Every order with a line for the event. Deliberately not indexed: it runs when an event closes
 * (and on the rescan), while an index on the order lines would cost every order write in a rush.
 */
export async function ordersOfEvent(deps: OrdersDeps, eventId: string): Promise<OrderDoc[]> {
  return deps.orderDocs.find({ 'tickets.eventId': eventId }).toArray() as Promise<OrderDoc[]>;
}

export async function settleOrdersOfClosedEvent(
  deps: OrdersDeps,
  eventId: string,
  verdict: 'cancelled' | 'started',
): Promise<void> {
  const reason = verdict === 'cancelled' ? 'event cancelled' : 'event started';
  for (const order of await ordersOfEvent(deps, eventId)) {
    let paid = await paidVersionOf(deps, order);
    if (!paid && canMove(order.status, 'cancelled')) {
      // Races the buyer's payment through the one outcome claim: if the payment won, it is paid.
      const result = await decideOutcome(deps, order._id, 'cancelled', { reason });
      if (!result.won && result.doc.outcome === 'paid') paid = await paidVersionOf(deps, order);
    }
    if (paid && verdict === 'cancelled') await requestCancelRefund(deps, paid, eventId);
  }
  deps.nudgeOutbox();
}

/**
 * The order as paid, or null if it is not. The outcome claim is the authority: an order whose
 * paid outcome was claimed but whose document lags (its writer crashed) is settled here first.
 */
async function paidVersionOf(deps: OrdersDeps, order: OrderDoc): Promise<OrderDoc | null> {
  if (order.status === 'paid') return order;
  // A cancelled order never becomes paid (money arriving for it is refunded as a rejection).
  if (order.status === 'cancelled') return null;
  for (const key of [order._id, lateOutcomeKey(order._id)]) {
    const outcome = await deps.outcomes.findOne({ _id: key });
    if (outcome?.outcome !== 'paid') continue;
    const settled = (await settleOutcome(deps, outcome)) ?? (await deps.orders.findById(order._id));
    if (settled?.status === 'paid') return settled;
  }
  return null;
}

/**
 * Events whose latest version closes them (cancelled, or started) and that arrived within the
 * last `windowSeconds`: an order being created while the event.updated was applied (it passed
 * createOrder's check a moment before) is settled on the next rescan.
 */
export async function rescanClosedEvents(deps: OrdersDeps, windowSeconds: number): Promise<number> {
  const since = new Date(deps.now() - windowSeconds * 1000);
  const recent = await deps.eventVersions.find({ receivedAt: { $gte: since } }).toArray();
  let settled = 0;
  for (const eventId of new Set(recent.map((v) => v.eventId))) {
    const verdict = closedForSale(await latestEvent(deps.eventVersions, eventId));
    if (!verdict) continue;
    await settleOrdersOfClosedEvent(deps, eventId, verdict);
    settled += 1;
  }
  return settled;
}
