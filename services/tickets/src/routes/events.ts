import { NotFoundError, eventSearchQuerySchema, ticketmasterEventIdSchema } from '@bigtix/common';
import { Router, parseQuery, publicCache } from '@bigtix/middleware';
import { z } from 'zod';
import { getEvent } from '../domain/get-event';
import { listEventsWithTickets } from '../domain/list-events-with-tickets';
import type { SearchGuard } from '../domain/search-guard';
import { searchEvents } from '../domain/search-events';
import type { TicketsDeps } from '../deps';
import type { TicketmasterClient } from '../adapters/ticketmaster/ticketmaster-client';
import { EVENT_CACHE, EVENT_LIST_CACHE } from './cache-policies';

const withTicketsQuery = z.object({ limit: z.coerce.number().int().min(1).max(50, 'must be at most 50').default(20) });

export function eventsRouter(
  c: TicketsDeps,
  client: TicketmasterClient,
  /** Rate limit and shared cache in front of Ticketmaster search. */
  guard: SearchGuard,
): Router {
  const router = new Router({ prefix: '/api/events' });

  router.get('/search', publicCache(EVENT_CACHE), async (ctx) => {
    const query = parseQuery(ctx, eventSearchQuerySchema);
    const caller = { user: ctx.state.currentUser ?? null, ip: ctx.ip };
    ctx.body = await guard.search(query, caller, () => searchEvents(client, c.events, query));
  });

  router.get('/upcoming-with-tickets', publicCache(EVENT_LIST_CACHE), async (ctx) => {
    const { limit } = parseQuery(ctx, withTicketsQuery);
    ctx.body = await listEventsWithTickets(c, limit);
  });

  router.get('/:eventId', publicCache(EVENT_CACHE), async (ctx) => {
    const { eventId } = ctx.params;
    // An id Ticketmaster could never issue is unknown without asking it.
    if (!ticketmasterEventIdSchema.safeParse(eventId).success)
      throw new NotFoundError(`No Ticketmaster event has id "${eventId}"`);
    ctx.body = await getEvent(c.events, eventId, c.eventStatuses);
  });

  return router;
}
