import type { EventDetailsDto } from '@bigtix/common';

/** Why tickets cannot be listed for this event, or null when they can. */
export function unlistableReason(eventId: string, event: EventDetailsDto | null): string | null {
  if (!event) return `no Ticketmaster event has id "${eventId}"`;
  if (event.status === 'cancelled') return `event "${event.name}" (${eventId}) is cancelled`;
  return null;
}
