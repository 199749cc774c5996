import { Envelope, EventData } from '@bigtix/common';
import type { OrdersDeps } from '../../deps';
import { applyTicketEvent } from '../../domain/apply-ticket-event';

/**
 * A seller's edit only updates the replica. An edit that crossed a hold already taken changes
 * nothing for that order: the hold decides who gets the ticket and at what price, and the tickets
 * service follows it (docs/ARCHITECTURE.md, "One authority for a ticket").
 */
export const onTicketUpdated =
  (deps: OrdersDeps) =>
  async (event: Envelope<EventData<'ticket.updated'>>): Promise<void> => {
    await applyTicketEvent(deps, event.data);
  };
