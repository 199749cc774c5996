import type { EventHandler } from '@bigtix/middleware';
import { applyOrderChange } from '../../domain/apply-order-event';
import type { PaymentsDeps } from '../../deps';
import { bookRefundsOfIntent } from '../../domain/ledger/book-refund';
import { bookSale } from '../../domain/ledger/book-sale';
import { settleOrder } from '../../domain/payouts/settle-proceeds';

export function onOrderPaid(deps: PaymentsDeps): EventHandler<'order.paid'> {
  return async (event) => {
    // Booked before the replica applies: the sale is a fact of the event, not of the version order.
    await bookSale(deps, event.data);
    // A refund whose webhook overtook this event waited for the sale: book it, settle its sellers.
    if (await bookRefundsOfIntent(deps, event.data.id, event.data.paymentIntentId)) {
      await settleOrder(deps, event.data.id, 'order.paid');
    }
    await applyOrderChange(deps.orders, event);
  };
}
