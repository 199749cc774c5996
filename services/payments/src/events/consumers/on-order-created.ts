import type { EventHandler } from '@bigtix/middleware';
import { applyOrderCreated } from '../../domain/apply-order-event';
import type { PaymentsDeps } from '../../deps';

export function onOrderCreated(deps: PaymentsDeps): EventHandler<'order.created'> {
  return async (event) => {
    await applyOrderCreated(deps.orders, event);
  };
}
