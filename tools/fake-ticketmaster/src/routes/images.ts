import { Router } from '@koa/router';

// A 1x1 grey PNG. Browsers and image optimisers sniff the bytes, so a `.jpg` path is fine; it
// keeps fixture image URLs loadable in an offline dev stack when they point at this server.
const PLACEHOLDER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGM4AAAAwgDBUl5XUQAAAABJRU5ErkJggg==',
  'base64',
);

// A small static seat map (stage, floor, lower and upper bowl) standing in for Ticketmaster's
// staticImage PNG: the same for every event, no script, no external reference. An image
// element shows SVG as readily as PNG, and this one is big enough to look like a map.
const SEATMAP_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="450" viewBox="0 0 600 450">
<rect width="600" height="450" fill="#f4f4f4"/>
<rect x="220" y="20" width="160" height="50" rx="6" fill="#333"/>
<text x="300" y="52" font-family="sans-serif" font-size="20" fill="#fff" text-anchor="middle">STAGE</text>
<rect x="200" y="100" width="200" height="120" fill="#9ecae1"/>
<text x="300" y="166" font-family="sans-serif" font-size="18" text-anchor="middle">FLOOR</text>
<path d="M120 90 h60 v160 h240 v-160 h60 v220 h-360 z" fill="#6baed6"/>
<text x="300" y="288" font-family="sans-serif" font-size="16" text-anchor="middle">100 LEVEL</text>
<path d="M40 80 h60 v250 h400 v-250 h60 v320 h-520 z" fill="#3182bd"/>
<text x="300" y="370" font-family="sans-serif" font-size="16" fill="#fff" text-anchor="middle">200 LEVEL</text>
</svg>
`;

export function imagesRouter(): Router {
  const router = new Router();
  router.get('/dam/{*path}', (ctx) => {
    ctx.type = 'image/png';
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = PLACEHOLDER_PNG;
  });
  // Where fixture events' `seatmap.staticUrl` points when the seat map base is this server.
  router.get('/maps/geometry/3/event/:eventId/staticImage', (ctx) => {
    ctx.type = 'image/svg+xml';
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = SEATMAP_SVG;
  });
  return router;
}
