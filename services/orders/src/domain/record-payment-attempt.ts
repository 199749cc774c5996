import { PaymentCreatedData, PaymentFailedData } from '@bigtix/common';
import { RetryLaterError } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import type { OrderDoc } from '../models/order';
import { orderEventFor } from './order-events';

type Attempts = OrderDoc & { failedPaymentIntentIds?: string[] };

/** `payment.created`: a PaymentIntent is in flight, the order shows `awaiting:payment` (order.updated). */
export async function recordPaymentCreated(deps: OrdersDeps, data: PaymentCreatedData): Promise<OrderDoc> {
  const order = await deps.orders.findById(data.orderId);
  if (!order) throw new RetryLaterError(`order ${data.orderId} not known yet`);
  if (await deps.outcomes.findOne({ _id: data.orderId })) return order;
  const changed = await deps.orders.change(data.orderId, (current) => {
    const cur = current as Attempts;
    // A redelivered payment.created for an attempt that already failed must not revive it.
    if (cur.status !== 'created' || (cur.failedPaymentIntentIds ?? []).includes(data.paymentIntentId)) return null;
    const { version: _v, ...rest } = cur;
    return {
      next: { ...rest, status: 'awaiting:payment', paymentIntentId: data.paymentIntentId },
      events: (n: OrderDoc) => [orderEventFor(n)],
    };
  });
  deps.nudgeOutbox();
  return changed ?? order;
}

/** `payment.failed`: the hold stays until it expires; the buyer may try another card (back to `created`). */
export async function recordPaymentFailed(deps: OrdersDeps, data: PaymentFailedData): Promise<OrderDoc> {
  const order = await deps.orders.findById(data.orderId);
  if (!order) throw new RetryLaterError(`order ${data.orderId} not known yet`);
  const changed = await deps.orders.change(data.orderId, (current) => {
    const cur = current as Attempts;
    if (cur.status !== 'awaiting:payment') return null;
    if (cur.paymentIntentId && cur.paymentIntentId !== data.paymentIntentId) return null;
    const { version: _v, ...rest } = cur;
    const failedPaymentIntentIds = [...(cur.failedPaymentIntentIds ?? []), data.paymentIntentId];
    return {
      next: { ...rest, status: 'created', paymentIntentId: null, failedPaymentIntentIds } as Omit<OrderDoc, 'version'>,
      events: (n: OrderDoc) => [orderEventFor(n)],
    };
  });
  deps.nudgeOutbox();
  return changed ?? order;
}
