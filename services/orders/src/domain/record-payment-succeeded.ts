import { PaymentSucceededData } from '@bigtix/common';
import { RetryLaterError, claim } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import { minuteOf } from '../models/hold';
import type { OrderDoc } from '../models/order';
import { findTickets } from './find-tickets';
import { releaseTaken } from './holds';
import { claimOutcome, decideOutcome, settleOutcome } from './outcomes';
import { rejectPayment } from './reject-payment';

/**
 * `payment.succeeded`: the money is in. The order becomes paid if the outcome claim is still
 * free. If the order was cancelled by the buyer, or paid by another PaymentIntent, the money is
 * rejected (payments refunds). If it expired, see acceptLatePayment.
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
    if (doc.paymentIntentId !== paymentIntentId)
      await rejectPayment(deps, order._id, paymentIntentId, amount, 'order already paid');
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
 * held again by this order (fresh hold inserts: the same unique keys any buyer competes for),
 * the tickets are still for sale and their prices unchanged; otherwise it is rejected and
 * refunded. That second decision is its own unique key, `<orderId>:late`.
 */
export async function acceptLatePayment(
  deps: OrdersDeps,
  orderId: string,
  paymentIntentId: string,
  amount: number,
): Promise<void> {
  const expired = await deps.outcomes.findOne({ _id: orderId });
  const order = await deps.orders.findById(orderId);
  // Until expiry has released the old holds, new ones could be swept away with them.
  if (!order || !expired?.appliedAt || order.status !== 'expired')
    throw new RetryLaterError(`order ${orderId} expiry is still being applied`);
  const lateKey = `${orderId}:late`;
  const prior = await deps.outcomes.findOne({ _id: lateKey });
  if (prior) {
    if (prior.paymentIntentId !== paymentIntentId)
      await rejectPayment(deps, orderId, paymentIntentId, amount, 'order already settled');
    return;
  }

  let problem = await ticketsProblem(deps, order);
  const taken: string[] = [];
  if (!problem) {
    const now = deps.now();
    const hold = {
      orderId,
      userId: order.userId,
      expiresAt: order.expiresAt,
      createdAt: new Date(now),
      minute: minuteOf(now),
    };
    for (const t of order.tickets) {
      if (await claim(deps.holds, t.ticketId, hold)) taken.push(t.ticketId);
      else {
        problem = 'a ticket has been held or sold since the order expired';
        break;
      }
    }
  }
  const { won, doc } = await claimOutcome(deps, lateKey, orderId, problem ? 'rejected' : 'paid', {
    paymentIntentId,
    amount,
    ...(problem ? { reason: problem } : {}),
  });
  if (won) {
    await settleOutcome(deps, doc);
    return;
  }
  // Another delivery decided first: give back what this attempt took, refund if it was not us.
  await releaseTaken(deps, taken);
  if (doc.paymentIntentId !== paymentIntentId)
    await rejectPayment(deps, orderId, paymentIntentId, amount, 'order already settled');
}

async function ticketsProblem(deps: OrdersDeps, order: OrderDoc): Promise<string | null> {
  const ids = order.tickets.map((t) => t.ticketId);
  const replicas = await findTickets(deps, ids);
  for (const t of order.tickets) {
    const r = replicas.get(t.ticketId);
    if (!r || r.status === 'withdrawn' || (r.status === 'sold' && r.orderId !== order._id))
      return `ticket ${t.ticketId} is no longer for sale`;
    if (r.price !== t.price) return `ticket ${t.ticketId} changed price`;
  }
  return null;
}
