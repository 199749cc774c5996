import type { EventStatusDoc } from '../models/event-status';
import type { TicketsDeps } from '../deps';

const DAY_MS = 24 * 3600 * 1000;

/** How long after its start an event with sales is still read: payouts wait for its end (and a postponement). */
export const FOLLOW_SALES_FOR_MS = 14 * DAY_MS;

/**
 * Every event with listings on sale or held, or with sales that may not be settled yet (sold
 * tickets of an event that started less than FOLLOW_SALES_FOR_MS ago). A cancelled event with
 * nothing left on sale is done. One `distinct` per status: FerretDB pushes an equality down to
 * PostgreSQL, not an `$in`.
 */
export async function eventsToSync(
  c: TicketsDeps,
  statuses: { findById(id: string): Promise<EventStatusDoc | null> },
  now: number,
): Promise<{ eventId: string; state: EventStatusDoc | null; onSale: boolean }[]> {
  const [available, held, sold] = await Promise.all(
    (['available', 'held', 'sold'] as const).map(
      async (status) => new Set((await c.tickets.distinct('eventId', { status })) as string[]),
    ),
  );
  const ids = new Set([...available, ...held, ...sold]);
  const out: { eventId: string; state: EventStatusDoc | null; onSale: boolean }[] = [];
  for (const eventId of ids) {
    const state = await statuses.findById(eventId);
    const onSale = available.has(eventId) || held.has(eventId);
    if (!onSale && state) {
      if (state.status === 'cancelled') continue;
      if (state.start && now - new Date(state.start).getTime() > FOLLOW_SALES_FOR_MS) continue;
    }
    out.push({ eventId, state, onSale });
  }
  return out;
}

/**
 * When an event is read next: every `baseMs`, more often as it approaches (a quarter of the time
 * left, at least every `minMs`), and once right at its start, so "started" is seen promptly.
 */
export function nextSyncAt(lastSyncAt: number, start: Date | null, baseMs: number, minMs: number): number {
  const startsAt = start ? new Date(start).getTime() : null;
  if (startsAt === null || startsAt <= lastSyncAt) return lastSyncAt + baseMs;
  const interval = Math.max(minMs, Math.min(baseMs, (startsAt - lastSyncAt) / 4));
  return Math.min(lastSyncAt + interval, startsAt);
}
