import type { OrderCreatedData } from '@bigtix/common';
import { RetryLaterError } from '@bigtix/middleware';
import { closedOutcome } from './order-outcomes';
import { releaseTicket } from './release-tickets-of-order';
import { ticketUpdated } from '../events/publishers/ticket-events';
import type { TicketsDeps } from '../deps';

/**
 * `order.created`: the orders service has decided, with its unique hold, that this order holds
 * these tickets; this service follows that decision (docs/ARCHITECTURE.md, "One authority for a
 * ticket"). So each ticket becomes `held` by the order even if the seller withdrew or re-priced it
 * in the moment before this event arrived (a withdrawal is remembered and comes back when the
 * hold ends; the order keeps the price it was made at). A ticket still held by an older order
 * that we have not yet seen close waits for that order's `order.cancelled`, which is on its way
 * (orders gives a ticket to a new order only after releasing the old one): the event is retried.
 */
export async function holdTicketsForOrder(c: TicketsDeps, order: OrderCreatedData): Promise<void> {
  const before = await closedOutcome(c.closedOrders, order.id);
  // A paid order's tickets are sold by order.paid; a stale event of a closed one holds nothing.
  if (before === null) for (const { ticketId } of order.tickets) await holdTicket(c, ticketId, order.id);
  // The order may have been cancelled or expired while we held: its cancel handler saw the tickets
  // not yet held and did nothing, so we undo our own holds (it recorded the outcome before reading,
  // so one of us always sees the other). Never for a paid order: those tickets are being sold.
  const after = await closedOutcome(c.closedOrders, order.id);
  if (after === 'cancelled' || after === 'expired')
    for (const { ticketId } of order.tickets) await releaseTicket(c, ticketId, order.id);
}

async function holdTicket(c: TicketsDeps, ticketId: string, orderId: string): Promise<void> {
  const seen = await c.store.findById(ticketId);
  if (!seen) return;
  const previous = seen.status === 'held' && seen.orderId !== orderId ? seen.orderId : null;
  if (previous) {
    const outcome = await closedOutcome(c.closedOrders, previous);
    if (outcome === null)
      throw new RetryLaterError(`ticket ${ticketId} is held by ${previous}, whose release is on its way`);
    // Orders never gives a bought ticket to another order; order.paid will make it sold.
    if (outcome === 'paid') return;
  }
  await c.store.change(ticketId, (current) => {
    if (current.status === 'sold') return null;
    if (current.status === 'held' && current.orderId === orderId) return null;
    if (current.status === 'held' && current.orderId !== previous)
      throw new RetryLaterError(`ticket ${ticketId} changed hands while order ${orderId} was being applied`);
    return {
      next: {
        ...current,
        status: 'held',
        orderId,
        withdrawRequested: current.status === 'withdrawn' || current.withdrawRequested === true,
        updatedAt: new Date(c.now()),
      },
      events: ticketUpdated,
    };
  });
}
