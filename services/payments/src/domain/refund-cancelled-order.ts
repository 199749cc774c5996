import type { OrderRefundRequestedData } from '@bigtix/common';
import { findPaymentByIntent } from '../models/payment';
import { advancePayment } from './advance-payment';
import type { PaymentsDeps } from './deps';
import { bookRefundsOfIntent } from './ledger/book-refund';

export const cancelRefundKey = (orderId: string): string => `bigtix-cancel-refund-${orderId}`;

/**
 * Orders decided that a paid order of a cancelled event is owed back: refund the whole charge
 * (price + buyer fee) once. Stripe's idempotency key names the order, so a redelivery, a second
 * replica or a retry after a crash asks Stripe for the same Refund. The ledger follows from
 * Stripe's `refund.created` webhook (a full refund undoes the sale and reverses a transfer already
 * sent); booking here too covers a webhook that arrived before the sale was booked.
 */
export async function refundCancelledOrder(deps: PaymentsDeps, request: OrderRefundRequestedData): Promise<void> {
  const payment = await findPaymentByIntent(deps.payments.docs, request.paymentIntentId);
  if (payment?.status !== 'refunded') {
    const refund = await deps.gateway.refund(
      request.paymentIntentId,
      `event ${request.eventId} cancelled`,
      cancelRefundKey(request.orderId),
    );
    deps.logger.info(
      {
        orderId: request.orderId,
        paymentIntentId: request.paymentIntentId,
        refundId: refund.refundId,
        amount: request.amount,
      },
      'cancelled event: order refunded in full',
    );
    if (payment) {
      await advancePayment(deps.payments.store, payment._id, {
        status: 'refunded',
        paymentIntentId: request.paymentIntentId,
        refundId: refund.refundId,
        failureMessage: 'Refunded: the event was cancelled',
      });
    }
  }
  await bookRefundsOfIntent(deps, request.orderId, request.paymentIntentId);
}
