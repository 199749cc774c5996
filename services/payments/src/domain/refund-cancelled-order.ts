import type { OrderRefundRequestedData } from '@bigtix/common';
import { findPaymentByIntent } from '../models/payment';
import { advancePayment } from './advance-payment';
import type { PaymentsDeps } from '../deps';
import { bookRefundsOfIntent, noteRefund } from './ledger/book-refund';
import { cancelRefundIdempotencyKey } from '../models/keys';

/**
 * Orders decided that a paid order of a cancelled event is owed back: refund the whole charge
 * (price + buyer fee) once. Stripe's idempotency key names the order, so a redelivery, a second
 * replica or a retry after a crash gets the same Refund back, which is why a redelivery asks
 * again rather than trusting the payment's status. The Refund is noted from Stripe's answer as
 * well as from its `refund.created` webhook (whichever comes first; each Refund is booked once
 * by its id), so the ledger does not depend on a webhook that may have been given up on while
 * this service was down: a full refund undoes the sale and reverses a transfer already sent.
 */
export async function refundCancelledOrder(deps: PaymentsDeps, request: OrderRefundRequestedData): Promise<void> {
  const refund = await deps.gateway.refund(
    request.paymentIntentId,
    `event ${request.eventId} cancelled`,
    cancelRefundIdempotencyKey(request.orderId),
  );
  deps.logger.info(
    { orderId: request.orderId, paymentIntentId: request.paymentIntentId, refundId: refund.refundId },
    'cancelled event: order refunded in full',
  );
  if (refund.refundId && refund.amount !== undefined) {
    await noteRefund(deps, {
      refundId: refund.refundId,
      paymentIntentId: request.paymentIntentId,
      amount: refund.amount,
      currency: refund.currency ?? request.currency,
    });
  }
  const payment = await findPaymentByIntent(deps.payments.docs, request.paymentIntentId);
  if (payment && payment.status !== 'refunded') {
    await advancePayment(deps.payments.store, payment._id, {
      status: 'refunded',
      paymentIntentId: request.paymentIntentId,
      refundId: refund.refundId,
      failureMessage: 'Refunded: the event was cancelled',
    });
  }
  await bookRefundsOfIntent(deps, request.orderId, request.paymentIntentId);
}
