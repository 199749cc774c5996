import type { OrderPaidData } from '@bigtix/common';
import type { Logger } from '@bigtix/middleware';
import { recordOrderClosed } from './order-outcomes';
import { settleSerialCopies } from './settle-serial-copies';
import { ticketUpdated } from '../events/publishers/ticket-events';
import type { TicketsDeps } from '../deps';

/**
 * `order.paid`: each ticket becomes `sold` to the buyer at the price the buyer paid; `sellerId`
 * keeps the seller. The orders service decided the sale with its own unique hold, and this
 * service follows it: a ticket our view still shows as available, held by an older order (its
 * cancel not here yet) or withdrawn (the seller's delist crossed the hold) is sold all the same:
 * the buyer has paid for it. A ticket already sold to another order is never overwritten (that
 * would be a double sale, which orders' holds rule out). Other sellers' listings of a sold serial
 * are withdrawn then (settle-serial-copies.ts).
 */
export async function sellTicketsOfOrder(c: TicketsDeps, order: OrderPaidData, logger?: Logger): Promise<void> {
  await recordOrderClosed(c.closedOrders, order.id, 'paid');
  for (const { ticketId, price } of order.tickets) {
    await c.store.change(ticketId, (current) => {
      if (current.status === 'sold') {
        if (current.orderId !== order.id)
          logger?.error(
            { ticketId, orderId: order.id, soldTo: current.orderId },
            'order.paid for a ticket sold to another order',
          );
        return null;
      }
      return {
        next: {
          ...current,
          status: 'sold',
          userId: order.userId,
          orderId: order.id,
          price,
          withdrawRequested: false,
          updatedAt: new Date(c.now()),
        },
        events: ticketUpdated,
      };
    });
    // Also on a redelivery (nothing changed above): the first delivery may have stopped before this.
    const stored = await c.store.findById(ticketId);
    if (stored?.status === 'sold' && stored.orderId === order.id) await settleSerialCopies(c, stored, logger);
  }
}
