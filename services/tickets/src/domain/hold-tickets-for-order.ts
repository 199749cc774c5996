import type { OrderCreatedData } from '@bigtix/common';
import { ticketUpdated } from './ticket-views';
import { isOrderClosed } from './order-outcomes';
import { releaseTicket } from './release-tickets-of-order';
import type { TicketsContext } from './tickets-context';

/**
 * `order.created`: each listed ticket that is `available` becomes `held` by the order. A ticket
 * the seller edited away (withdrawn) or another order holds is left alone; the orders service
 * sees the ticket's state in `ticket.updated` and cancels the order. Decided from the ticket's
 * current state and order id, so duplicates and stale events change nothing.
 */
export async function holdTicketsForOrder(c: TicketsContext, order: OrderCreatedData): Promise<void> {
  if (await isOrderClosed(c.closedOrders, order.id)) return;
  for (const { ticketId } of order.tickets) {
    await c.store.change(ticketId, (current) => {
      if (current.status !== 'available') return null;
      return {
        next: { ...current, status: 'held', orderId: order.id, updatedAt: c.now?.() ?? new Date() },
        events: ticketUpdated,
      };
    });
  }
  // The order may have closed while we held: its cancel handler saw the tickets still available
  // and did nothing, so we undo our own holds (it recorded the outcome before reading, so one of
  // us always sees the other).
  if (await isOrderClosed(c.closedOrders, order.id)) {
    for (const { ticketId } of order.tickets) await releaseTicket(c, ticketId, order.id);
  }
  c.nudge();
}
