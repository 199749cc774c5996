import type { Logger } from '@bigtix/middleware';
import type { TicketsDeps } from '../../deps';
import { getEvent } from '../get-event';

/** An event as an email names it: "Taylor Swift | The Eras Tour, Sat, Jun 6, 2026, 7:00 PM, MetLife Stadium". */
export interface EventForEmail {
  name: string;
  /** Date, time and venue in words; null when Ticketmaster has no date (TBA). */
  when: string | null;
  /** The venue's time zone, to write other dates of the event in (null: UTC). */
  timeZone: string | null;
}

export function formatEventDate(iso: string | null, timeZone: string | null): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // A date without a time ("2026-06-06") is a day, not midnight UTC.
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const day = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' } as const;
  return new Intl.DateTimeFormat(
    'en-US',
    dayOnly
      ? { ...day, timeZone: 'UTC' }
      : { ...day, hour: 'numeric', minute: '2-digit', timeZone: timeZone ?? 'UTC', timeZoneName: 'short' },
  ).format(date);
}

/**
 * Best effort: an email is not worth failing the event it follows. The event cache (database
 * backed, filled when the event was listed) almost always answers; if neither it nor Ticketmaster
 * does, the email names the event by id.
 */
export async function describeEvent(c: TicketsDeps, eventId: string, logger?: Logger): Promise<EventForEmail> {
  try {
    const event = await getEvent(c.events, eventId, c.eventStatuses);
    const when = formatEventDate(event.date, event.timezone);
    const venue = event.venue?.name ? `${event.venue.name}${event.venue.city ? `, ${event.venue.city}` : ''}` : null;
    return { name: event.name, when: [when, venue].filter(Boolean).join(', ') || null, timeZone: event.timezone };
  } catch (err) {
    logger?.warn({ eventId, err: (err as Error).message }, 'event details unavailable for an email; named by id');
    return { name: `event ${eventId}`, when: null, timeZone: null };
  }
}
