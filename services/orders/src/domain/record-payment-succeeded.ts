import { PaymentSucceededData } from '@bigtix/common';
import { RetryLaterError } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import type { OutcomeDoc } from '../models/hold';
import { lateOutcomeKey } from '../models/keys';
import type { OrderDoc } from '../models/order';
import { findTickets } from './find-tickets';
import { takeHolds } from './holds';
import { claimOutcome, decideOutcome, settleOutcome } from './outcomes';
import { rejectPayment } from './reject-payment';

/**
 * `payment.succeeded`: the money is in. The order becomes paid if the outcome claim is still
 * free. If the order was cancelled by the buyer, or paid by another PaymentIntent, the money is
 * rejected (payments refunds). If it expired, see acceptLatePayment. A duplicate of the winning
 * delivery settles the outcome again (idempotent), which also finishes the job of a winner that
 * crashed.
 */
export async function recordPaymentSucceeded(deps: OrdersDeps, data: PaymentSucceededData): Promise<void> {
  const order = await deps.orders.findById(data.orderId);
  if (!order) throw new RetryLaterError(`order ${data.orderId} not known yet`);
  const { paymentIntentId, amount } = data;
  if (amount !== order.total) {
    await rejectPayment(
      deps,
      order._id,
      paymentIntentId,
      amount,
      `amount ${amount} does not match the order total ${order.total}`,
    );
    return;
  }
  const { won, doc } = await decideOutcome(deps, order._id, 'paid', { paymentIntentId, amount });
  if (won) return;
  if (doc.outcome === 'paid') {
    if (doc.paymentIntentId === paymentIntentId) await settleOutcome(deps, doc);
    else await rejectPayment(deps, order._id, paymentIntentId, amount, 'order already paid');
    return;
  }
  if (doc.outcome === 'expired') {
    await acceptLatePayment(deps, order._id, paymentIntentId, amount);
    return;
  }
  await rejectPayment(
    deps,
    order._id,
    paymentIntentId,
    amount,
    doc.outcome === 'cancelled' ? 'order cancelled' : 'order expired',
  );
}

/**
 * Money that arrived after the order expired. The order is completed only if every ticket can be
 * held again by this order (fresh holds: the same unique keys any buyer competes for, taken as
 * any order takes them), the tickets are still for sale and their prices unchanged; otherwise it
 * is rejected and refunded. That second decision is its own unique key (lateOutcomeKey). Every
 * delivery, duplicates included, settles whatever was decided, and any other PaymentIntent for
 * the order is refunded: a duplicate can neither refund the payment that won nor release a hold
 * that is not this order's (releases name their hold's generation).
 */
export async function acceptLatePayment(
  deps: OrdersDeps,
  orderId: string,
  paymentIntentId: string,
  amount: number,
): Promise<void> {
  const lateKey = lateOutcomeKey(orderId);
  const prior = await deps.outcomes.findOne({ _id: lateKey });
  if (prior) return settleLate(deps, prior, paymentIntentId, amount);

  const expired = await deps.outcomes.findOne({ _id: orderId });
  const order = await deps.orders.findById(orderId);
  // Until expiry has released the old holds, the order's own old holds would stand in its way.
  if (!order || !expired?.appliedAt || order.status !== 'expired')
    throw new RetryLaterError(`order ${orderId} expiry is still being applied`);

  let problem = await ticketsProblem(deps, order);
  if (!problem) {
    const ids = order.tickets.map((t) => t.ticketId);
    const { lost } = await takeHolds(deps, orderId, order.userId, ids, order.expiresAt, 'late');
    if (lost) problem = 'a ticket has been held or sold since the order expired';
  }
  const { doc } = await claimOutcome(deps, lateKey, orderId, problem ? 'rejected' : 'paid', {
    paymentIntentId,
    amount,
    ...(problem ? { reason: problem } : {}),
  });
  await settleLate(deps, doc, paymentIntentId, amount);
}

async function settleLate(deps: OrdersDeps, decided: OutcomeDoc, paymentIntentId: string, amount: number) {
  await settleOutcome(deps, decided);
  if (decided.paymentIntentId !== paymentIntentId)
    await rejectPayment(deps, decided.orderId, paymentIntentId, amount, 'order already settled');
}
async function ticketsProblem(deps: OrdersDeps, order: OrderDoc): Promise<string | null> {
  const ids = order.tickets.map((t) => t.ticketId);
  const replicas = await findTickets(deps, ids);
  for (const t of order.tickets) {
    const r = replicas.get(t.ticketId);
    if (!r || r.status === 'withdrawn' || r.withdrawRequested || (r.status === 'sold' && r.orderId !== order._id))
      return `ticket ${t.ticketId} is no longer for sale`;
    if (r.price !== t.price) return `ticket ${t.ticketId} changed price`;
  }
  return null;
}
