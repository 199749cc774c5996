import { EventDetailsDto, NotFoundError } from '@bigtix/common';
import type { EventCache } from '../ticketmaster/event-cache';

export async function getEvent(cache: EventCache, eventId: string): Promise<EventDetailsDto> {
  const event = await cache.get(eventId);
  if (!event) throw new NotFoundError(`No Ticketmaster event has id "${eventId}"`);
  return event;
}
