import { Router } from '@koa/router';
import { discoveryErrors } from '../discovery-errors';
import type { CatalogueEntry } from '../fixtures';
import { SEARCH_PATH, searchEvents } from '../search-events';

/** The Discovery v2 endpoints BigTix uses: event search and event details. */
export function discoveryRouter(catalogue: readonly CatalogueEntry[]): Router {
  const byId = new Map(catalogue.map((e) => [e.event.id, e.event]));
  const router = new Router();

  router.get(SEARCH_PATH, (ctx) => {
    const outcome = searchEvents(catalogue, new URLSearchParams(ctx.querystring));
    ctx.status = outcome.status;
    ctx.body = outcome.body;
  });

  // The real API answers with and without the `.json` suffix.
  router.get('/discovery/v2/events/:id', (ctx) => {
    const id = ctx.params.id.replace(/\.json$/, '');
    const event = byId.get(id);
    if (!event) {
      ctx.status = 404;
      ctx.body = discoveryErrors.notFound(id);
      return;
    }
    ctx.body = event;
  });

  return router;
}
