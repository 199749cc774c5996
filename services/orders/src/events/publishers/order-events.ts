import { Envelope } from '@bigtix/common';
import { makeEnvelope } from '@bigtix/middleware';
import type { OrderDoc } from '../../models/order';

const SOURCE = 'orders';

const base = (o: OrderDoc) => ({ id: o._id, userId: o.userId, tickets: o.tickets, version: o.version });

/**
 * The event announcing an order at its new version. Every version has exactly one event, so the
 * payments replica (which applies versions strictly in order) never waits for a missing one.
 */
export function orderEventFor(o: OrderDoc): Envelope {
  switch (o.status) {
    case 'paid':
      return makeEnvelope('order.paid', o.version, SOURCE, {
        ...base(o),
        status: 'paid',
        total: o.total,
        currency: o.currency,
        paymentIntentId: o.paymentIntentId ?? '',
      });
    case 'cancelled':
    case 'expired':
      return makeEnvelope('order.cancelled', o.version, SOURCE, { ...base(o), status: o.status, reason: o.status });
    default: {
      const data = {
        ...base(o),
        status: o.status,
        expiresAt: new Date(o.expiresAt).toISOString(),
        total: o.total,
        currency: o.currency,
      };
      return o.version === 1
        ? makeEnvelope('order.created', 1, SOURCE, { ...data, status: 'created' })
        : makeEnvelope('order.updated', o.version, SOURCE, data);
    }
  }
}

export function paymentRejectedEvent(
  orderId: string,
  paymentIntentId: string,
  amount: number,
  reason: string,
): Envelope {
  return makeEnvelope('order.payment-rejected', 0, SOURCE, { orderId, paymentIntentId, amount, reason });
}

/** A paid order of a cancelled event is owed back in full: its total (price + buyer fee). */
export function refundRequestedEvent(order: OrderDoc, eventId: string): Envelope {
  return makeEnvelope('order.refund-requested', 0, SOURCE, {
    orderId: order._id,
    userId: order.userId,
    paymentIntentId: order.paymentIntentId ?? '',
    amount: order.total,
    currency: order.currency,
    reason: 'event-cancelled',
    eventId,
  });
}
