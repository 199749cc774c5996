import type { EventHandler } from '@bigtix/middleware';
import { applyOrderChange } from '../../domain/apply-order-event';
import type { PaymentsDeps } from '../../domain/deps';
import { bookSale } from '../../domain/ledger/book-sale';

export function onOrderPaid(deps: PaymentsDeps): EventHandler<'order.paid'> {
  return async (event) => {
    // Booked before the replica applies: the sale is a fact of the event, not of the version order.
    await bookSale(deps, event.data);
    await applyOrderChange(deps.orders, event);
  };
}
