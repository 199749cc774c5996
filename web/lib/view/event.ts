import type { EventDetailsDto, EventStatus, EventSummaryDto } from '@bigtix/common';
import { eventDate } from '../format';

export interface EventView {
  id: string;
  name: string;
  url: string;
  dateIso: string | null;
  dateLabel: string;
  venueLabel: string;
  image: string | null;
  status: EventStatus;
  /** Shown as a banner: buyers must know before they pay. */
  statusNotice: string | null;
}

const notices: Partial<Record<EventStatus, string>> = {
  cancelled: 'This event has been cancelled.',
  postponed: 'This event has been postponed; a new date has not been announced.',
  rescheduled: 'This event has been rescheduled. Check the new date before you buy.',
  offsale: 'Ticketmaster sales for this event are closed; resale tickets may still be listed.',
};

/** Ticketmaster's seat map image for the event, when it has one and it is an http(s) URL. */
export function seatmapOf(e: Pick<EventDetailsDto, 'seatmapUrl'>): string | null {
  const raw = e.seatmapUrl;
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

export function toEventView(e: EventSummaryDto & { timezone?: string | null }): EventView {
  const v = e.venue;
  return {
    id: e.id,
    name: e.name,
    url: e.url,
    dateIso: e.date,
    dateLabel: eventDate(e.date, e.timezone),
    venueLabel: [v.name, [v.city, v.state].filter(Boolean).join(', ')].filter(Boolean).join(' · '),
    image: e.image,
    status: e.status,
    statusNotice: notices[e.status] ?? null,
  };
}
