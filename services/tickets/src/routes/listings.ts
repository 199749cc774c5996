import { ConflictError, listQuerySchema, ticketmasterEventIdSchema, updateListingSchema } from '@bigtix/common';
import { Router, parseBody, parseQuery, publicCache, requireUser } from '@bigtix/middleware';
import { createListings } from '../domain/listings/create-listings';
import { getListing, listOwnListings, listingView } from '../domain/listings/get-listings';
import { eventListingsQuery, listEventListings } from '../domain/listings/query-listings';
import { updateListing, withdrawListing } from '../domain/listings/update-listing';
import type { TicketsDeps } from '../deps';
import { LISTING_CACHE } from './cache-policies';

const mineQuery = listQuerySchema.extend({ eventId: ticketmasterEventIdSchema.optional() });

/** Listings (groups of seats): `/api/listings` and an event's `/api/events/:eventId/listings`. */
export function listingsRouter(c: TicketsDeps): Router {
  const router = new Router();
  const viewer = (ctx: { state: { currentUser?: { id: string } | null } }) => ctx.state.currentUser?.id ?? null;

  router.get('/api/events/:eventId/listings', publicCache(LISTING_CACHE), async (ctx) => {
    ctx.body = await listEventListings(c, ctx.params.eventId, parseQuery(ctx, eventListingsQuery), viewer(ctx));
  });

  router.post('/api/listings', async (ctx) => {
    const user = requireUser(ctx);
    const { results } = await createListings(c, user.id, { listings: [ctx.request.body] });
    const [row] = results;
    if (row.status === 'failed') throw new ConflictError(row.message);
    ctx.status = row.status === 'created' ? 201 : 200;
    ctx.body = row.listing;
  });

  router.post('/api/listings/bulk', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = await createListings(c, user.id, ctx.request.body);
    ctx.status = 201;
  });

  router.get('/api/listings/mine', async (ctx) => {
    const user = requireUser(ctx);
    const { eventId, ...page } = parseQuery(ctx, mineQuery);
    ctx.body = await listOwnListings(c, user.id, eventId, page);
  });

  router.get('/api/listings/:id', publicCache(LISTING_CACHE), async (ctx) => {
    ctx.body = await getListing(c, ctx.params.id, viewer(ctx));
  });

  router.put('/api/listings/:id', async (ctx) => {
    const user = requireUser(ctx);
    const patch = parseBody(ctx, updateListingSchema);
    await getListing(c, ctx.params.id, user.id); // a malformed or unknown id is a 404
    ctx.body = await listingView(c, await updateListing(c, user.id, ctx.params.id, patch), user.id);
  });

  router.delete('/api/listings/:id', async (ctx) => {
    const user = requireUser(ctx);
    await getListing(c, ctx.params.id, user.id);
    ctx.body = await listingView(c, await withdrawListing(c, user.id, ctx.params.id), user.id);
  });

  return router;
}
