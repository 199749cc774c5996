import { EVENT_STATUS_CODES, type EventUpdatedData } from '@bigtix/common';
import type { VersionedStore } from '@bigtix/middleware';
import type { EventStatusDoc } from '../models/event-status';
import type { TmEvent } from '../adapters/ticketmaster/discovery-types';
import { eventUpdated } from '../events/publishers/event-status-events';

export type ObservedEvent = Pick<EventStatusDoc, 'status' | 'start' | 'end' | 'started'>;

const DAY_MS = 24 * 3600 * 1000;

/** A Discovery date: its `dateTime`, or the start of its `localDate` (no time: TBA during the day). */
function instant(d?: { localDate?: string; dateTime?: string }): Date | null {
  if (d?.dateTime && !Number.isNaN(Date.parse(d.dateTime))) return new Date(d.dateTime);
  if (d?.localDate && !Number.isNaN(Date.parse(d.localDate))) return new Date(d.localDate);
  return null;
}

/**
 * The facts BigTix acts on, from one Discovery answer. An event with only a date (no time) counts
 * as started at the end of that day, so its listings stay on sale through the day.
 */
export function observe(event: TmEvent, now: number): ObservedEvent {
  const code = event.dates?.status?.code as EventUpdatedData['status'] | undefined;
  const start = instant(event.dates?.start);
  const startsAt = start === null ? null : event.dates?.start?.dateTime ? start.getTime() : start.getTime() + DAY_MS;
  return {
    status: code && EVENT_STATUS_CODES.includes(code) ? code : 'unknown',
    start,
    end: instant(event.dates?.end),
    started: startsAt !== null && startsAt <= now,
  };
}

const same = (a: ObservedEvent, b: ObservedEvent) =>
  a.status === b.status &&
  a.started === b.started &&
  (a.start?.getTime() ?? null) === (b.start ? new Date(b.start).getTime() : null) &&
  (a.end?.getTime() ?? null) === (b.end ? new Date(b.end).getTime() : null);

/**
 * Stores what was observed when it differs from the stored state, as the next version with its
 * `event.updated` (one claim: replicas that observed the same change publish it once). Returns the
 * stored state and whether this call changed it.
 */
export async function recordEventStatus(
  store: VersionedStore<EventStatusDoc>,
  eventId: string,
  observed: ObservedEvent,
  now: Date,
): Promise<{ doc: EventStatusDoc; changed: boolean }> {
  const existing = await store.findById(eventId);
  if (!existing) {
    const first: EventStatusDoc = { _id: eventId, ...observed, version: 1, updatedAt: now };
    const [created] = await store.createMany([first], eventUpdated);
    if (created.ok) return { doc: first, changed: true };
  }
  let changed = false;
  const doc = await store.change(eventId, (current) => {
    changed = false;
    if (same(observed, current)) return null;
    changed = true;
    return { next: { ...current, ...observed, updatedAt: now }, events: eventUpdated };
  });
  return { doc: doc!, changed };
}
