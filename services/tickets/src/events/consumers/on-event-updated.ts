import type { EventHandler } from '@bigtix/middleware';
import type { Notifier } from '@bigtix/mailer';
import { emailEventChange } from '../../domain/notifications/email-event-change';
import type { TicketsDeps } from '../../deps';
import { withdrawListingsOfEvent, withdrawalReasonFor } from '../../domain/withdraw-listings-of-event';

/** Our own `event.updated`: a cancelled or started event's listings come off sale; then its buyers and sellers are told. */
export const onEventUpdated =
  (c: TicketsDeps, notifier?: Notifier): EventHandler<'event.updated'> =>
  async (event) => {
    const reason = withdrawalReasonFor(event.data);
    if (reason) await withdrawListingsOfEvent(c, event.data.eventId, reason);
    if (notifier) await emailEventChange(c, notifier, event.data);
  };
