import type { CatalogueEntry, DiscoveryEvent, EventStatusCode } from './fixtures';
import { localDateOf, toApiDateTime } from './time-zone';

const STATUSES: readonly EventStatusCode[] = ['onsale', 'offsale', 'cancelled', 'postponed', 'rescheduled'];

/** `POST /__control/events/:id` body: move an event's dates and/or change its status. */
export interface EventOverride {
  /** ISO date-times. `start` moves the event; `end` adds Discovery's `dates.end` (null removes it). */
  dates?: { start?: string; end?: string | null };
  status?: EventStatusCode;
}

export class EventOverrideError extends Error {}

function instant(value: unknown, field: string): number {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw new EventOverrideError(`${field} must be an ISO date-time such as 2026-06-01T20:00:00Z`);
  }
  return Date.parse(value);
}

/** Discovery's shape of a date in the venue's zone. */
function wireDate(epochMs: number, timeZone: string) {
  const localDate = localDateOf(epochMs, timeZone);
  const localTime = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(epochMs));
  return { localDate, localTime, dateTime: toApiDateTime(epochMs) };
}

export function parseEventOverride(body: Record<string, unknown>): EventOverride {
  const out: EventOverride = {};
  const unknown = Object.keys(body).filter((k) => k !== 'dates' && k !== 'status');
  if (unknown.length > 0)
    throw new EventOverrideError(`unknown field(s): ${unknown.join(', ')}; expected dates, status`);
  if (body.status !== undefined) {
    if (!STATUSES.includes(body.status as EventStatusCode)) {
      throw new EventOverrideError(`status must be one of ${STATUSES.join(', ')}`);
    }
    out.status = body.status as EventStatusCode;
  }
  if (body.dates !== undefined) {
    const dates = body.dates as Record<string, unknown>;
    if (typeof dates !== 'object' || dates === null || Array.isArray(dates)) {
      throw new EventOverrideError('dates must be an object {start?, end?}');
    }
    out.dates = {};
    if (dates.start !== undefined) {
      instant(dates.start, 'dates.start');
      out.dates.start = dates.start as string;
    }
    if (dates.end === null) out.dates.end = null;
    else if (dates.end !== undefined) {
      instant(dates.end, 'dates.end');
      out.dates.end = dates.end as string;
    }
  }
  if (out.status === undefined && out.dates === undefined) throw new EventOverrideError('expected {dates?, status?}');
  return out;
}

/**
 * Changes one catalogue event in place (search and details both see it), remembering the original
 * so `reset` puts every event back. Returns the event as Discovery now serves it, or null if unknown.
 */
export class EventOverrides {
  private readonly originals = new Map<string, { event: DiscoveryEvent; startsAt: number }>();

  constructor(private readonly catalogue: readonly CatalogueEntry[]) {}

  apply(id: string, override: EventOverride): DiscoveryEvent | null {
    const entry = this.catalogue.find((e) => e.event.id === id);
    if (!entry) return null;
    if (!this.originals.has(id))
      this.originals.set(id, { event: structuredClone(entry.event), startsAt: entry.startsAt });
    const dates = entry.event.dates as DiscoveryEvent['dates'] & { end?: object };
    const zone = dates.timezone;
    if (override.dates?.start) {
      const at = Date.parse(override.dates.start);
      dates.start = { ...dates.start, ...wireDate(at, zone), noSpecificTime: false, timeTBA: false };
      entry.startsAt = at;
    }
    if (override.dates?.end === null) delete dates.end;
    else if (override.dates?.end) {
      dates.end = { ...wireDate(Date.parse(override.dates.end), zone), approximate: false, noSpecificTime: false };
    }
    if (override.status) dates.status = { code: override.status };
    return entry.event;
  }

  reset(): void {
    for (const [id, original] of this.originals) {
      const entry = this.catalogue.find((e) => e.event.id === id)!;
      Object.assign(entry.event, structuredClone(original.event));
      if (!('end' in original.event.dates)) delete (entry.event.dates as { end?: object }).end;
      entry.startsAt = original.startsAt;
    }
    this.originals.clear();
  }
}
