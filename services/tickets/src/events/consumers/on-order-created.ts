import type { EventHandler } from '@bigtix/middleware';
import { holdTicketsForOrder } from '../../domain/hold-tickets-for-order';
import type { TicketsDeps } from '../../deps';

export const onOrderCreated =
  (c: TicketsDeps): EventHandler<'order.created'> =>
  (event) =>
    holdTicketsForOrder(c, event.data);
