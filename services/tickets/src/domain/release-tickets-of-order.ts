import type { OrderCancelledData } from '@bigtix/common';
import { recordOrderClosed } from './order-outcomes';
import { ticketUpdated } from '../events/publishers/ticket-events';
import type { TicketsDeps } from '../deps';

/**
 * Back to `available` (or to `withdrawn`, if the seller withdrew it while the order held it), but
 * only while this very order holds it: a late cancel of an old order never frees a newer hold.
 */
export async function releaseTicket(c: TicketsDeps, ticketId: string, orderId: string): Promise<void> {
  await c.store.change(ticketId, (current) => {
    if (current.status !== 'held' || current.orderId !== orderId) return null;
    return {
      next: {
        ...current,
        status: current.withdrawRequested ? 'withdrawn' : 'available',
        orderId: null,
        withdrawRequested: false,
        updatedAt: new Date(c.now()),
      },
      events: ticketUpdated,
    };
  });
}

/** `order.cancelled` (cancelled or expired). */
export async function releaseTicketsOfOrder(c: TicketsDeps, order: OrderCancelledData): Promise<void> {
  await recordOrderClosed(c.closedOrders, order.id, order.reason);
  for (const { ticketId } of order.tickets) await releaseTicket(c, ticketId, order.id);
}
