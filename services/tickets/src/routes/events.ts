import { NotFoundError, eventSearchQuerySchema, ticketmasterEventIdSchema } from '@bigtix/common';
import { Router, parseQuery } from '@bigtix/middleware';
import { z } from 'zod';
import { getEvent } from '../domain/get-event';
import { listEventsWithTickets } from '../domain/list-events-with-tickets';
import type { SearchGuard } from '../domain/search-guard';
import { searchEvents } from '../domain/search-events';
import type { TicketsContext } from '../domain/tickets-context';
import type { TicketmasterClient } from '../ticketmaster/ticketmaster-client';

const withTicketsQuery = z.object({ limit: z.coerce.number().int().min(1).max(50, 'must be at most 50').default(20) });

export function eventsRouter(
  c: TicketsContext,
  client: TicketmasterClient,
  /** Rate limit and shared cache in front of Ticketmaster search. */
  guard: SearchGuard,
): Router {
  const router = new Router({ prefix: '/api/events' });

  router.get('/search', async (ctx) => {
    const query = parseQuery(ctx, eventSearchQuerySchema);
    const caller = { user: ctx.state.currentUser ?? null, ip: ctx.ip };
    ctx.body = await guard.search(query, caller, () => searchEvents(client, c.events, query));
  });

  router.get('/upcoming-with-tickets', async (ctx) => {
    const { limit } = parseQuery(ctx, withTicketsQuery);
    ctx.body = await listEventsWithTickets(c, limit);
  });

  router.get('/:eventId', async (ctx) => {
    const { eventId } = ctx.params;
    // An id Ticketmaster could never issue is unknown without asking it.
    if (!ticketmasterEventIdSchema.safeParse(eventId).success)
      throw new NotFoundError(`No Ticketmaster event has id "${eventId}"`);
    ctx.body = await getEvent(c.events, eventId);
  });

  return router;
}
