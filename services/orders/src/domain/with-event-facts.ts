import type { OrderDto } from '@bigtix/common';
import type { OrdersDeps } from '../deps';
import { latestEvent } from '../models/event-facts';

/**
 * Adds to an order what happened to its event: the status and date tickets last read from
 * Ticketmaster (postponed, a new date, cancelled) and, for a paid order of a cancelled event,
 * the refund of the whole charge. Read beside the order, never stored in it: the order's
 * versions stay the payment's history.
 */
export async function withEventFacts(deps: OrdersDeps, order: OrderDto): Promise<OrderDto> {
  const eventId = order.tickets.find((t) => t.eventId)?.eventId;
  if (!eventId) return order;
  const [event, refund] = await Promise.all([
    latestEvent(deps.eventVersions, eventId),
    order.status === 'paid' ? deps.eventRefunds.findOne({ _id: order.id }) : null,
  ]);
  return {
    ...order,
    ...(event
      ? {
          event: {
            eventId,
            status: event.status,
            start: event.start ? new Date(event.start).toISOString() : null,
            started: event.started,
          },
        }
      : {}),
    ...(refund
      ? {
          refund: {
            status: 'requested' as const,
            amount: refund.amount,
            currency: order.currency,
            reason: 'event-cancelled' as const,
          },
        }
      : {}),
  };
}
