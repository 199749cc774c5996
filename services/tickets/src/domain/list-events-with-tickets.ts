import type { EventSummaryDto } from '@bigtix/common';
import type { TicketDoc } from '../models/ticket';
import type { TicketsDeps } from '../deps';

export type EventWithTicketsDto = EventSummaryDto & { availableTickets: number; lowestPrice: number };

export interface EventsWithTicketsResponse {
  items: EventWithTicketsDto[];
}

/** Events considered per call: each costs a cache lookup (and at worst one Ticketmaster call). */
const MAX_EVENTS_CONSIDERED = 200;

/**
 * Upcoming events that have available tickets, soonest first (the home page's list). Counts
 * come from one aggregation; details from the event cache (filled when the tickets were listed).
 */
export async function listEventsWithTickets(c: TicketsDeps, limit: number): Promise<EventsWithTicketsResponse> {
  const groups = (await c.tickets.aggregate<{ _id: string; count: number }>([
    { $match: { status: 'available' } },
    { $group: { _id: '$eventId', count: { $sum: 1 } } },
    { $sort: { count: -1, _id: 1 } },
    { $limit: MAX_EVENTS_CONSIDERED },
  ])) as { _id: string; count: number }[];
  const details = await c.events.getMany(groups.map((g) => g._id));
  const now = new Date(c.now()).getTime();
  const upcoming = groups
    .map((g) => ({ group: g, event: details.get(g._id) ?? null }))
    .filter(
      ({ event }) =>
        event !== null && event.status !== 'cancelled' && (event.date === null || endOfDay(event.date) >= now),
    )
    .sort((a, b) => dateKey(a.event!.date) - dateKey(b.event!.date) || a.group._id.localeCompare(b.group._id))
    .slice(0, limit);
  const items = await Promise.all(
    upcoming.map(async ({ group, event }) => {
      // FerretDB has no $min accumulator: the cheapest ticket is one indexed read per event shown.
      const cheapest = (await c.tickets
        .findOne({ eventId: group._id, status: 'available' })
        .sort({ price: 1, _id: 1 })
        .lean()) as TicketDoc | null;
      const { id, name, url, date, venue, image, status, priceRange } = event!;
      return {
        id,
        name,
        url,
        date,
        venue,
        image,
        status,
        ...(priceRange ? { priceRange } : {}),
        availableTickets: group.count,
        lowestPrice: cheapest?.price ?? 0,
      };
    }),
  );
  return { items };
}

/** A date without a time (e.g. `2026-12-01`) is upcoming until that day ends. */
function endOfDay(date: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T23:59:59Z`) + 14 * 3600_000 : Date.parse(date);
}

function dateKey(date: string | null): number {
  return date === null ? Number.MAX_SAFE_INTEGER : Date.parse(date);
}
