import type { EventHandler } from '@bigtix/middleware';
import type { PaymentsDeps } from '../../deps';
import { bookRefundsOfIntent, bookRejectedCharge } from '../../domain/ledger/book-refund';
import { refundPayment } from '../../domain/refund-payment';

export function onOrderPaymentRejected(deps: PaymentsDeps): EventHandler<'order.payment-rejected'> {
  return async (event) => {
    // The verdict first, so the refund's webhook finds what it pays back.
    await bookRejectedCharge(deps, event.data);
    await refundPayment(deps, event.data.paymentIntentId, event.data.reason);
    // A refund from the Dashboard may have come before the verdict: it is booked now.
    await bookRefundsOfIntent(deps, event.data.orderId, event.data.paymentIntentId);
  };
}
