import type { EventHandler } from '@bigtix/middleware';
import { holdTicketsForOrder } from '../../domain/hold-tickets-for-order';
import type { TicketsContext } from '../../domain/tickets-context';

export const onOrderCreated =
  (c: TicketsContext): EventHandler<'order.created'> =>
  (event) =>
    holdTicketsForOrder(c, event.data);
