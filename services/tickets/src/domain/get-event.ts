import { EventDetailsDto, NotFoundError } from '@bigtix/common';
import type { VersionedStore } from '@bigtix/middleware';
import type { EventStatusDoc } from '../models/event-status';
import type { EventCache } from '../adapters/ticketmaster/event-cache';

/**
 * One event's details. The status and date the sync last read (shared by replicas) win over a
 * cached copy, so a cancelled or moved event shows as such on every replica at once.
 */
export async function getEvent(
  cache: EventCache,
  eventId: string,
  statuses?: VersionedStore<EventStatusDoc>,
): Promise<EventDetailsDto> {
  const [event, synced] = await Promise.all([cache.get(eventId), statuses?.findById(eventId) ?? null]);
  if (!event) throw new NotFoundError(`No Ticketmaster event has id "${eventId}"`);
  if (!synced) return event;
  return { ...event, status: synced.status, date: synced.start ? new Date(synced.start).toISOString() : event.date };
}
