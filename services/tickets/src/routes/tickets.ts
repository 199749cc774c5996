import {
  TICKET_STATUSES,
  ForbiddenError,
  eventTicketsQuerySchema,
  listQuerySchema,
  ticketInputSchema,
  ticketmasterEventIdSchema,
  updateTicketSchema,
} from '@bigtix/common';
import { Router, parseBody, parseQuery, publicCache, requireUser } from '@bigtix/middleware';
import { z } from 'zod';
import { bulkCreateTickets } from '../domain/bulk-create-tickets';
import { createTicket } from '../domain/create-ticket';
import { getTicket, getTicketBySerial } from '../domain/get-ticket';
import { listAvailableTickets, listEventTickets, listUserTickets } from '../domain/list-tickets';
import type { TicketsDeps } from '../deps';
import { updateTicket } from '../domain/update-ticket';
import { withdrawTicket } from '../domain/withdraw-ticket';
import { LISTING_CACHE } from './cache-policies';

const eventListQuery = listQuerySchema.extend(eventTicketsQuerySchema.shape);
const userListQuery = listQuerySchema.extend({
  role: z.enum(['seller', 'owner']).default('seller'),
  status: z.enum(TICKET_STATUSES).optional(),
});
const serialQuery = z.object({ eventId: ticketmasterEventIdSchema.optional() });

export function ticketsRouter(c: TicketsDeps): Router {
  const router = new Router({ prefix: '/api/tickets' });
  const viewer = (ctx: { state: { currentUser?: { id: string } | null } }) => ctx.state.currentUser?.id ?? null;

  router.get('/', publicCache(LISTING_CACHE), async (ctx) => {
    ctx.body = await listAvailableTickets(c, parseQuery(ctx, listQuerySchema), viewer(ctx));
  });

  router.post('/create', async (ctx) => {
    const user = requireUser(ctx);
    const body = ctx.request.body;
    const isBulk = typeof body === 'object' && body !== null && !Array.isArray(body) && 'tickets' in body;
    ctx.body = isBulk
      ? await bulkCreateTickets(c, user.id, body)
      : await createTicket(c, user.id, parseBody(ctx, ticketInputSchema));
    ctx.status = 201;
  });

  router.put('/', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await updateTicket(c, user.id, parseBody(ctx, updateTicketSchema));
  });

  router.get('/serial-number/:serialNumber', async (ctx) => {
    const user = requireUser(ctx);
    const { eventId } = parseQuery(ctx, serialQuery);
    ctx.body = await getTicketBySerial(c, ctx.params.serialNumber, user.id, eventId);
  });

  router.get('/event/:eventId', publicCache(LISTING_CACHE), async (ctx) => {
    const { sort, ...page } = parseQuery(ctx, eventListQuery);
    ctx.body = await listEventTickets(c, ctx.params.eventId, sort, page, viewer(ctx));
  });

  router.get('/user/:userId', publicCache(LISTING_CACHE), async (ctx) => {
    const { role, status, ...page } = parseQuery(ctx, userListQuery);
    // What someone bought is their business only; what they sell is public.
    if (role === 'owner' && viewer(ctx) !== ctx.params.userId)
      throw new ForbiddenError('Only you can list the tickets you own');
    ctx.body = await listUserTickets(c, ctx.params.userId, role, status, page, viewer(ctx));
  });

  router.get('/:id', publicCache(LISTING_CACHE), async (ctx) => {
    ctx.body = await getTicket(c, ctx.params.id, viewer(ctx));
  });

  router.delete('/:id', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await withdrawTicket(c, user.id, ctx.params.id);
  });

  return router;
}
