import type { EventHandler } from '@bigtix/middleware';
import type { OrdersDeps } from '../../deps';
import { applyEventUpdate } from '../../domain/apply-event-update';

export const onEventUpdated =
  (deps: OrdersDeps): EventHandler<'event.updated'> =>
  (event) =>
    applyEventUpdate(deps, event.data);
