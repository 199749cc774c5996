import { Router } from '@koa/router';

// A 1x1 grey PNG. Browsers and image optimisers sniff the bytes, so a `.jpg` path is fine; it
// keeps fixture image URLs loadable in an offline dev stack when they point at this server.
const PLACEHOLDER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGM4AAAAwgDBUl5XUQAAAABJRU5ErkJggg==',
  'base64',
);

export function imagesRouter(): Router {
  const router = new Router();
  router.get('/dam/{*path}', (ctx) => {
    ctx.type = 'image/png';
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = PLACEHOLDER_PNG;
  });
  return router;
}
