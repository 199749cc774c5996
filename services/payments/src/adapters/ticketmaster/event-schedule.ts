import type { PaymentsConfig } from '../../config';

/** When an event ends and whether it happens at all: what decides that its sellers can be paid. */
export interface EventSchedule {
  eventId: string;
  /** Epoch ms; null when Ticketmaster has no date yet (TBA/TBD). */
  endsAt: number | null;
  /** Ticketmaster's `dates.status.code`: `onsale`, `cancelled`, `postponed`, `rescheduled`... */
  status: string;
}

export type EventScheduleLookup = (eventId: string) => Promise<EventSchedule | null>;

interface DiscoveryDates {
  start?: { localDate?: string; dateTime?: string };
  end?: { localDate?: string; dateTime?: string };
  status?: { code?: string };
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The event's end: `dates.end.dateTime` when Ticketmaster gives one, else its start (Discovery
 * rarely has an end; PAYOUT_DELAY_SECONDS, two days by default, covers the show itself). A date
 * without a time counts from the end of that day.
 */
export function endOf(dates: DiscoveryDates | undefined): number | null {
  const at = (d?: { localDate?: string; dateTime?: string }) => {
    if (d?.dateTime && !Number.isNaN(Date.parse(d.dateTime))) return Date.parse(d.dateTime);
    if (d?.localDate && !Number.isNaN(Date.parse(d.localDate))) return Date.parse(d.localDate) + DAY_MS;
    return null;
  };
  return at(dates?.end) ?? at(dates?.start);
}

/**
 * Reads event dates from Ticketmaster Discovery (the source the tickets service caches, read
 * here directly so payouts need no service-to-service call), cached per event for `cacheMs` so a
 * sweep over many sales costs one request per event. Failures are not cached: the next sweep asks again.
 */
export function discoveryEventSchedule(
  config: PaymentsConfig['ticketmaster'],
  now: () => number = Date.now,
): EventScheduleLookup {
  const cache = new Map<string, { at: number; value: Promise<EventSchedule | null> }>();
  return (eventId) => {
    const hit = cache.get(eventId);
    if (hit && now() - hit.at < config.cacheMs) return hit.value;
    const value = fetchSchedule(config, eventId);
    cache.set(eventId, { at: now(), value });
    value.catch(() => cache.delete(eventId));
    return value;
  };
}

async function fetchSchedule(config: PaymentsConfig['ticketmaster'], eventId: string): Promise<EventSchedule | null> {
  const url = `${config.baseUrl}/discovery/v2/events/${encodeURIComponent(eventId)}.json?apikey=${encodeURIComponent(config.apiKey)}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(config.timeoutMs) });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`Ticketmaster answered ${res.status} for event ${eventId}`);
  const body = (await res.json()) as { dates?: DiscoveryDates };
  return { eventId, endsAt: endOf(body.dates), status: body.dates?.status?.code ?? 'unknown' };
}
