import type { EventHandler } from '@bigtix/middleware';
import type { PaymentsDeps } from '../../domain/deps';
import { refundPayment } from '../../domain/refund-payment';

export function onOrderPaymentRejected(deps: PaymentsDeps): EventHandler<'order.payment-rejected'> {
  return async (event) => {
    await refundPayment(deps, event.data.paymentIntentId, event.data.reason);
  };
}
