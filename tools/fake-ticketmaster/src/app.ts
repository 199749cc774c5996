import Koa from 'koa';
import { discoveryErrors } from './discovery-errors';
import { EventOverrides } from './event-overrides';
import { buildCatalogue, type CatalogueEntry } from './fixtures';
import { RateLimiter } from './rate-limiter';
import { controlRouter } from './routes/control';
import { discoveryGate } from './routes/discovery-gate';
import { discoveryRouter } from './routes/discovery';
import { imagesRouter } from './routes/images';
import { TestControls } from './test-controls';

export const DEFAULT_API_KEY = 'fake-ticketmaster-key';
/** The real API's documented per-key rate. */
export const DEFAULT_RATE_LIMIT_PER_SECOND = 5;
/** The real API's default daily quota per key. */
export const DEFAULT_DAILY_QUOTA = 5000;

export interface FakeTicketmasterOptions {
  /** The only key accepted (default `fake-ticketmaster-key`). */
  apiKey?: string;
  /** Spike arrest per key per rolling second (default 5); 0 disables all rate limiting. */
  rateLimitPerSecond?: number;
  /** Daily quota reported in Rate-Limit-* headers and enforced unless limits are off (default 5000). */
  dailyQuota?: number;
  /** Clock (epoch ms): fixture dates are computed from it at creation; rate limits follow it. */
  now?: () => number;
  /** Base of fixture image URLs (default `https://s1.ticketm.net`, like the real API). */
  imageBaseUrl?: string;
  /** Base of fixture seat map URLs (default `https://maps.ticketmaster.com`, like the real API). */
  seatmapBaseUrl?: string;
}

export interface FakeTicketmaster {
  app: Koa;
  controls: TestControls;
  /** The events served, in catalogue order (dates resolved against `now` at creation). */
  catalogue: readonly CatalogueEntry[];
}

export function createFakeTicketmaster(options: FakeTicketmasterOptions = {}): FakeTicketmaster {
  const now = options.now ?? Date.now;
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const perSecond = options.rateLimitPerSecond ?? DEFAULT_RATE_LIMIT_PER_SECOND;
  if (!Number.isInteger(perSecond) || perSecond < 0) {
    throw new RangeError('rateLimitPerSecond must be a non-negative integer');
  }
  const dailyQuota = options.dailyQuota ?? DEFAULT_DAILY_QUOTA;
  if (!Number.isInteger(dailyQuota) || dailyQuota < 1) throw new RangeError('dailyQuota must be a positive integer');

  const catalogue = buildCatalogue({
    now: now(),
    imageBaseUrl: options.imageBaseUrl,
    seatmapBaseUrl: options.seatmapBaseUrl,
  });
  const controls = new TestControls();
  const limiter = new RateLimiter({ perSecond, dailyQuota, now });
  controls.onReset(() => limiter.reset());
  const overrides = new EventOverrides(catalogue);
  controls.onReset(() => overrides.reset());

  const gate = discoveryGate({ apiKey, controls, limiter });

  const app = new Koa();
  app.use(controlRouter(controls, overrides).routes());
  app.use(imagesRouter().routes());
  // Only Discovery calls go through the gateway (key, limits, latency, log); control calls never do.
  app.use((ctx, next) => (ctx.path.startsWith('/discovery/') ? gate(ctx, next) : next()));
  app.use(discoveryRouter(catalogue).routes());
  app.use((ctx, next) => {
    if (!ctx.path.startsWith('/discovery/')) return next();
    ctx.status = 404;
    ctx.body = discoveryErrors.unknownResource();
  });

  return { app, controls, catalogue };
}
