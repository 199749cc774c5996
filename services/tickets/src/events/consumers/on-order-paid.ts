import type { EventHandler, Logger } from '@bigtix/middleware';
import { sellTicketsOfOrder } from '../../domain/sell-tickets-of-order';
import type { TicketsContext } from '../../domain/tickets-context';

export const onOrderPaid =
  (c: TicketsContext, logger: Logger): EventHandler<'order.paid'> =>
  (event) =>
    sellTicketsOfOrder(c, event.data, logger);
