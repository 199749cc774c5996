import type { EventSummaryDto } from '@bigtix/common';

export function formatEventDate(date: string | null): string {
  if (!date) return 'date TBA';
  // Ticketmaster gives a local date-time or a date alone; show it as given, minus seconds/zone noise.
  return date.replace('T', ' ').replace(/:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/, '');
}

export function formatVenue(event: EventSummaryDto): string {
  const { name, city, state } = event.venue;
  return [name, [city, state].filter(Boolean).join(', ')].filter(Boolean).join(' — ');
}

/** One line naming an event, for confirmations and pick lists. */
export function describeEvent(event: EventSummaryDto): string {
  return `${event.name} · ${formatEventDate(event.date)} · ${formatVenue(event)}`;
}
