import type { OrderPaidData } from '@bigtix/common';
import type { Logger } from '@bigtix/middleware';
import { recordOrderClosed } from './order-outcomes';
import { ticketUpdated } from './ticket-views';
import type { TicketsContext } from './tickets-context';

/**
 * `order.paid`: each ticket becomes `sold`, owned by the buyer; `sellerId` keeps the seller.
 * The orders service decided the sale with its own unique hold, so a ticket our replica still
 * shows as available or held by an older order (its cancel not here yet) is sold all the same.
 * A ticket already sold to another order is never overwritten (that would be a double sale).
 */
export async function sellTicketsOfOrder(c: TicketsContext, order: OrderPaidData, logger?: Logger): Promise<void> {
  await recordOrderClosed(c.closedOrders, order.id, 'paid');
  for (const { ticketId } of order.tickets) {
    await c.store.change(ticketId, (current) => {
      if (current.status === 'sold') {
        if (current.orderId !== order.id)
          logger?.error(
            { ticketId, orderId: order.id, soldTo: current.orderId },
            'order.paid for a ticket sold to another order',
          );
        return null;
      }
      if (current.status === 'withdrawn') {
        // The seller delisted first; orders sees the withdrawn ticket.updated and must refund.
        logger?.warn({ ticketId, orderId: order.id }, 'order.paid for a withdrawn ticket; leaving it withdrawn');
        return null;
      }
      return {
        next: {
          ...current,
          status: 'sold',
          userId: order.userId,
          orderId: order.id,
          updatedAt: c.now?.() ?? new Date(),
        },
        events: ticketUpdated,
      };
    });
  }
  c.nudge();
}
