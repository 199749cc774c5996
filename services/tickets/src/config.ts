import { intFromEnv } from '@bigtix/middleware';

export const FAKE_TICKETMASTER_URL = 'http://127.0.0.1:12112';
export const FAKE_TICKETMASTER_KEY = 'fake-ticketmaster-key';
export const REAL_TICKETMASTER_URL = 'https://app.ticketmaster.com';

export interface TicketmasterConfig {
  baseUrl: string;
  apiKey: string;
  /** True when no consumer key is set and the local fake is used. */
  usingFake: boolean;
  timeoutMs: number;
  /** Client-side rate limit: the real API allows 5 requests per second per key. */
  requestsPerSecond: number;
  /** Retries after a 429 (spike arrest) or a 5xx; bounded so a request never hangs. */
  maxRetries: number;
  /** Longest single wait for `Rate-Limit-Reset` before a retry. */
  maxRetryWaitMs: number;
  /** How long fetched event details stay fresh (memory and MongoDB). */
  eventCacheTtlMs: number;
}

export interface TicketsConfig {
  ticketmaster: TicketmasterConfig;
  /** How long readers of one event listing page share one query (0 turns it off). */
  listingCacheMs: number;
  /** EVENT_SYNC_SECONDS: how often an event with listings or sales is read again (sooner near its start). */
  eventSyncMs: number;
  /** EVENT_SYNC_MIN_SECONDS: the shortest interval, close to an event's start. */
  eventSyncMinMs: number;
}

export function readTicketsConfig(env: NodeJS.ProcessEnv): TicketsConfig {
  const key = env.TICKETMASTER_CONSUMER_KEY?.trim();
  const usingFake = !key;
  return {
    ticketmaster: {
      baseUrl: (
        env.TICKETMASTER_BASE_URL?.trim() || (usingFake ? FAKE_TICKETMASTER_URL : REAL_TICKETMASTER_URL)
      ).replace(/\/+$/, ''),
      apiKey: key || FAKE_TICKETMASTER_KEY,
      usingFake,
      timeoutMs: intFromEnv(env.TICKETMASTER_TIMEOUT_MS, 5_000),
      requestsPerSecond: intFromEnv(env.TICKETMASTER_RATE_PER_SECOND, 5),
      maxRetries: intFromEnv(env.TICKETMASTER_MAX_RETRIES, 3),
      maxRetryWaitMs: intFromEnv(env.TICKETMASTER_MAX_RETRY_WAIT_MS, 2_000),
      eventCacheTtlMs: intFromEnv(env.EVENT_CACHE_TTL_SECONDS, 15 * 60) * 1000,
    },
    listingCacheMs: intFromEnv(env.LISTING_CACHE_MS, 1000),
    eventSyncMs: intFromEnv(env.EVENT_SYNC_SECONDS, 15 * 60) * 1000,
    eventSyncMinMs: intFromEnv(env.EVENT_SYNC_MIN_SECONDS, 60) * 1000,
  };
}
