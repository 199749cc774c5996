import { Envelope, EventData } from '@bigtix/common';
import type { OrdersDeps } from '../../deps';
import { applyTicketEvent } from '../../domain/apply-ticket-event';

export const onTicketCreated =
  (deps: OrdersDeps) =>
  async (event: Envelope<EventData<'ticket.created'>>): Promise<void> => {
    await applyTicketEvent(deps, event.data);
  };
