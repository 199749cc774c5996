import { Worker, periodicWorker } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import { rescanClosedEvents } from '../domain/apply-event-update';

/**
 * Every `EVENT_RESCAN_MS`, settles again the orders of events cancelled or started in the last
 * `EVENT_RESCAN_WINDOW_SECONDS` (see rescanClosedEvents). Every step is a claim, so replicas may
 * run it at once and a pass over settled orders changes nothing.
 */
export function closedEventRescan(deps: OrdersDeps): Worker & { runOnce(): Promise<void> } {
  return periodicWorker({
    what: 'closed event rescan',
    intervalMs: deps.config.eventRescanMs,
    logger: deps.logger,
    async run() {
      await rescanClosedEvents(deps, deps.config.eventRescanWindowSeconds);
    },
  });
}
