import type { EventHandler } from '@bigtix/middleware';
import type { TicketsContext } from '../../domain/tickets-context';
import { withdrawListingsOfEvent, withdrawalReasonFor } from '../../domain/withdraw-listings-of-event';

/** Our own `event.updated`: a cancelled or started event's listings come off sale. */
export const onEventUpdated =
  (c: TicketsContext): EventHandler<'event.updated'> =>
  async (event) => {
    const reason = withdrawalReasonFor(event.data);
    if (reason) await withdrawListingsOfEvent(c, event.data.eventId, reason);
  };
