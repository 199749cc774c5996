import { Envelope, EventData } from '@bigtix/common';
import type { OrdersDeps } from '../../deps';
import { applyTicketEvent } from '../../domain/apply-ticket-event';
import { reactToTicketChange } from '../../domain/react-to-ticket-change';

export const onTicketUpdated =
  (deps: OrdersDeps) =>
  async (event: Envelope<EventData<'ticket.updated'>>): Promise<void> => {
    const { applied, previous } = await applyTicketEvent(deps, event.data);
    if (applied) await reactToTicketChange(deps, previous, event.data);
  };
