import { ConflictError } from '@bigtix/common';
import type { OrdersDeps } from '../deps';
import { closedForSale, latestEvent } from '../models/event-facts';

/**
 * Refuses an order for tickets of an event that was cancelled or has started, from what orders
 * knows of the event (`event.updated`): a listing the tickets service has not yet withdrawn
 * cannot be bought in the meantime.
 */
export async function assertEventsOpen(deps: OrdersDeps, eventIds: Iterable<string>): Promise<void> {
  for (const eventId of new Set(eventIds)) {
    const verdict = closedForSale(await latestEvent(deps.eventVersions, eventId));
    if (verdict === 'cancelled')
      throw new ConflictError(`Event ${eventId} was cancelled: its tickets can no longer be bought`, {
        unavailable: [],
        priceChanged: [],
        eventId,
        reason: 'event-cancelled',
      });
    if (verdict === 'started')
      throw new ConflictError(`Event ${eventId} has already started: its tickets can no longer be bought`, {
        unavailable: [],
        priceChanged: [],
        eventId,
        reason: 'event-started',
      });
  }
}
