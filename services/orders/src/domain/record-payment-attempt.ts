import { PaymentCreatedData, PaymentFailedData } from '@bigtix/common';
import { RetryLaterError } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import type { OrderDoc } from '../models/order';
import { advanceOrder } from './advance-order';

/** `payment.created`: a PaymentIntent is in flight, the order shows `awaiting:payment` (order.updated). */
export async function recordPaymentCreated(deps: OrdersDeps, data: PaymentCreatedData): Promise<OrderDoc> {
  const order = await deps.orders.findById(data.orderId);
  if (!order) throw new RetryLaterError(`order ${data.orderId} not known yet`);
  if (await deps.outcomes.findOne({ _id: data.orderId })) return order;
  const changed = await advanceOrder(deps, data.orderId, 'awaiting:payment', (current) =>
    // A redelivered payment.created for an attempt that already failed must not revive it.
    (current.failedPaymentIntentIds ?? []).includes(data.paymentIntentId)
      ? null
      : { paymentIntentId: data.paymentIntentId },
  );
  return changed ?? order;
}

/** `payment.failed`: the hold stays until it expires; the buyer may try another card (back to `created`). */
export async function recordPaymentFailed(deps: OrdersDeps, data: PaymentFailedData): Promise<OrderDoc> {
  const order = await deps.orders.findById(data.orderId);
  if (!order) throw new RetryLaterError(`order ${data.orderId} not known yet`);
  const changed = await advanceOrder(deps, data.orderId, 'created', (current) =>
    // The failure of an attempt the order is not waiting for leaves the current attempt alone.
    current.paymentIntentId && current.paymentIntentId !== data.paymentIntentId
      ? null
      : {
          paymentIntentId: null,
          failedPaymentIntentIds: [...(current.failedPaymentIntentIds ?? []), data.paymentIntentId],
        },
  );
  return changed ?? order;
}
