import 'server-only';
import type { EventDetailsDto, EventSearchResponse, EventSummaryDto } from '@bigtix/common';
import { ApiError, getJson, getOrNull } from './http';
import { seatmapOf, toEventView, type EventView } from '../view/event';

export interface EventQuery {
  keyword?: string;
  city?: string;
  /** YYYY-MM-DD: events on or after that day. */
  date?: string;
}

/** Ticketmaster data changes slowly; a minute of caching keeps the home page fast. */
const EVENT_TTL = 60;

export async function searchEvents(q: EventQuery): Promise<EventView[]> {
  const qs = new URLSearchParams();
  if (q.keyword) qs.set('keyword', q.keyword);
  if (q.city) qs.set('city', q.city);
  if (q.date) {
    qs.set('from', q.date);
  }
  qs.set('size', '20');
  // Not cached here: the tickets service caches searches itself and limits them per client IP,
  // which needs the visitor's address rather than one shared cached call from the web pod.
  const res = await getJson<EventSearchResponse>('tickets', `/api/events/search?${qs}`, { withSession: false });
  return res.items.map(toEventView);
}

export async function fetchEvent(
  eventId: string,
): Promise<(EventView & { info: string | null; seatmapUrl: string | null }) | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(eventId)) return null;
  const dto = await getOrNull<EventDetailsDto>('tickets', `/api/events/${encodeURIComponent(eventId)}`, {
    withSession: false,
    revalidate: EVENT_TTL,
  });
  if (!dto) return null;
  const best = [...dto.images]
    .filter((i) => i.ratio === '16_9')
    .sort((a, b) => a.width - b.width)
    .find((i) => i.width >= 640);
  return { ...toEventView(dto), image: best?.url ?? dto.image, info: dto.info, seatmapUrl: seatmapOf(dto) };
}

type EventWithTickets = EventView & { ticketCount: number; fromPrice: number };

/** Upcoming events that have tickets for sale, soonest first (tickets' GET /api/events/upcoming-with-tickets). */
export async function fetchEventsWithTickets(max = 12): Promise<EventWithTickets[]> {
  try {
    const res = await getJson<{ items: (EventSummaryDto & { availableTickets: number; lowestPrice: number })[] }>(
      'tickets',
      `/api/events/upcoming-with-tickets?limit=${max}`,
      { withSession: false, revalidate: 0 },
    );
    return res.items.map((e) => ({ ...toEventView(e), ticketCount: e.availableTickets, fromPrice: e.lowestPrice }));
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) throw err;
    return eventsOfLatestTickets(max);
  }
}

/** Fallback for a tickets service without that route: the events of the newest available listings. */
async function eventsOfLatestTickets(max: number): Promise<EventWithTickets[]> {
  const { fetchLatestTickets } = await import('./tickets');
  const tickets = await fetchLatestTickets(200);
  const byEvent = new Map<string, { count: number; min: number }>();
  for (const t of tickets) {
    const e = byEvent.get(t.eventId) ?? { count: 0, min: Number.MAX_SAFE_INTEGER };
    e.count += 1;
    e.min = Math.min(e.min, t.price);
    byEvent.set(t.eventId, e);
  }
  const ids = [...byEvent.keys()].slice(0, max * 2);
  const events = await Promise.all(ids.map((id) => fetchEvent(id).catch(() => null)));
  const now = Date.now() - 24 * 3600 * 1000;
  return events
    .filter((e): e is NonNullable<typeof e> => !!e && (!e.dateIso || new Date(e.dateIso).getTime() >= now))
    .map((e) => ({ ...e, ticketCount: byEvent.get(e.id)!.count, fromPrice: byEvent.get(e.id)!.min }))
    .sort((a, b) => (a.dateIso ?? '9999').localeCompare(b.dateIso ?? '9999'))
    .slice(0, max);
}
