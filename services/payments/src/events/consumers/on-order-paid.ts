import type { EventHandler } from '@bigtix/middleware';
import { applyOrderChange } from '../../domain/apply-order-event';
import type { PaymentsDeps } from '../../domain/deps';

export function onOrderPaid(deps: PaymentsDeps): EventHandler<'order.paid'> {
  return async (event) => {
    await applyOrderChange(deps.orders, event);
  };
}
