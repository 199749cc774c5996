import { Logger, periodicWorker } from '@bigtix/middleware';
import type { VersionedStore } from '@bigtix/middleware';
import { eventsToSync, nextSyncAt } from '../domain/events-to-sync';
import { observe, recordEventStatus } from '../domain/sync-event-status';
import type { TicketsDeps } from '../deps';
import { withdrawListingsOfEvent, withdrawalReasonFor } from '../domain/withdraw-listings-of-event';
import type { EventStatusDoc } from '../models/event-status';
import { toEventDetails } from '../adapters/ticketmaster/map-event';
import type { TicketmasterClient } from '../adapters/ticketmaster/ticketmaster-client';

export interface EventSyncOptions {
  /** EVENT_SYNC_SECONDS: how often an event far from its start is read again. */
  baseMs: number;
  /** The shortest interval, as an event approaches. */
  minMs: number;
  logger: Logger;
  now?: () => number;
}

/**
 * Re-reads from Ticketmaster every event with listings or unsettled sales, each when it is due
 * (nextSyncAt), through the client's rate limiter, and records what changed (one `event.updated`
 * per change across replicas: recordEventStatus). An event that is cancelled or has started and
 * still has listings on sale has them withdrawn here too, not only by the consumer of its
 * `event.updated`: a listing that slipped in after the event changed is caught on the next pass.
 * Every replica runs it; each keeps its own schedule, so with N replicas an event is read up to N
 * times per interval (still one request per event, well within the key's 5 per second).
 */
export function eventSyncWorker(
  c: TicketsDeps,
  statuses: VersionedStore<EventStatusDoc>,
  client: TicketmasterClient,
  options: EventSyncOptions,
) {
  const now = options.now ?? Date.now;
  const lastSync = new Map<string, number>();
  const worker = periodicWorker({
    what: 'event status sync',
    intervalMs: Math.min(options.baseMs, Math.max(options.minMs, 1000)),
    logger: options.logger,
    async run(stopping) {
      for (const { eventId, state, onSale } of await eventsToSync(c, statuses, now())) {
        if (stopping()) return;
        const last = lastSync.get(eventId);
        if (last !== undefined && now() < nextSyncAt(last, state?.start ?? null, options.baseMs, options.minMs)) {
          continue;
        }
        await syncOne(eventId, onSale).catch((err: Error) =>
          options.logger.warn(
            { eventId, err: err.message },
            'event status sync failed for one event; next pass retries',
          ),
        );
      }
    },
  });

  async function syncOne(eventId: string, onSale: boolean): Promise<void> {
    const event = await client.getEvent(eventId);
    lastSync.set(eventId, now());
    if (!event) return;
    const { doc, changed } = await recordEventStatus(statuses, eventId, observe(event, now()), new Date(now()));
    if (changed) {
      options.logger.info({ eventId, status: doc.status, start: doc.start, version: doc.version }, 'event changed');
      // This replica's event page shows it at once; the others overlay the stored status.
      await c.events.put(toEventDetails(event));
    }
    const reason = withdrawalReasonFor(doc);
    if (reason && onSale) await withdrawListingsOfEvent(c, eventId, reason);
  }
  return worker;
}
