import type { EventHandler } from '@bigtix/middleware';
import type { PaymentsDeps } from '../../deps';
import { refundCancelledOrder } from '../../domain/refund-cancelled-order';

export const onOrderRefundRequested =
  (deps: PaymentsDeps): EventHandler<'order.refund-requested'> =>
  (event) =>
    refundCancelledOrder(deps, event.data);
