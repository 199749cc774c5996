import type { EventHandler } from '@bigtix/middleware';
import { releaseTicketsOfOrder } from '../../domain/release-tickets-of-order';
import type { TicketsContext } from '../../domain/tickets-context';

export const onOrderCancelled =
  (c: TicketsContext): EventHandler<'order.cancelled'> =>
  (event) =>
    releaseTicketsOfOrder(c, event.data);
