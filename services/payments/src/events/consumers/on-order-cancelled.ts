import type { EventHandler } from '@bigtix/middleware';
import { applyOrderChange } from '../../domain/apply-order-event';
import { cancelOpenPayments } from '../../domain/cancel-open-payments';
import type { PaymentsDeps } from '../../deps';

export function onOrderCancelled(deps: PaymentsDeps): EventHandler<'order.cancelled'> {
  return async (event) => {
    // Cancel first: stopping the money matters even while the replica waits for a missing
    // version, and cancelling is idempotent, so a retried event is harmless.
    await cancelOpenPayments(deps, event.data.id);
    await applyOrderChange(deps.orders, event);
  };
}
