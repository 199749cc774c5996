import type { EventHandler } from '@bigtix/middleware';
import { releaseTicketsOfOrder } from '../../domain/release-tickets-of-order';
import type { TicketsDeps } from '../../deps';

export const onOrderCancelled =
  (c: TicketsDeps): EventHandler<'order.cancelled'> =>
  (event) =>
    releaseTicketsOfOrder(c, event.data);
