import type { EventHandler } from '@bigtix/middleware';
import { applyOrderChange } from '../../domain/apply-order-event';
import type { PaymentsDeps } from '../../deps';

export function onOrderUpdated(deps: PaymentsDeps): EventHandler<'order.updated'> {
  return async (event) => {
    await applyOrderChange(deps.orders, event);
  };
}
