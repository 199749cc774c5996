import type { EventHandler, Logger } from '@bigtix/middleware';
import type { Notifier } from '@bigtix/mailer';
import { emailOrderPaid } from '../../domain/notifications/email-order-paid';
import { sellTicketsOfOrder } from '../../domain/sell-tickets-of-order';
import type { TicketsDeps } from '../../deps';

/** The sale first; its emails after it, so they can neither hold it up nor undo it (a redelivery repeats neither). */
export const onOrderPaid =
  (c: TicketsDeps, logger: Logger, notifier?: Notifier): EventHandler<'order.paid'> =>
  async (event) => {
    await sellTicketsOfOrder(c, event.data, logger);
    if (notifier) await emailOrderPaid(c, notifier, event.data);
  };
