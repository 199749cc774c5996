import type { EventSearchQuery, EventSearchResponse } from '@bigtix/common';
import { toEventDetails, toEventSummary } from '../adapters/ticketmaster/map-event';
import type { TicketmasterClient } from '../adapters/ticketmaster/ticketmaster-client';
import type { EventCache } from '../adapters/ticketmaster/event-cache';

/** Ticketmaster search as event summaries. Results warm the details cache for the next click. */
export async function searchEvents(
  client: TicketmasterClient,
  cache: EventCache,
  query: EventSearchQuery,
): Promise<EventSearchResponse> {
  const result = await client.searchEvents(query);
  await Promise.all(result.events.map((e) => cache.put(toEventDetails(e)).catch(() => undefined)));
  return {
    items: result.events.map(toEventSummary),
    page: result.page,
    totalPages: result.totalPages,
    totalElements: result.totalElements,
  };
}
