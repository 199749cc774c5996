import { startFakeTicketmaster, type RunningFakeTicketmaster, type StartOptions } from '../src';

export const API_KEY = 'test-key';

/** A controllable clock so rate-limit tests move time instead of sleeping. */
export function manualClock(start = Date.parse('2026-03-01T12:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

export async function startFake(options: StartOptions = {}): Promise<RunningFakeTicketmaster> {
  // Most tests make many calls; the rate limit has its own tests.
  return startFakeTicketmaster({ apiKey: API_KEY, rateLimitPerSecond: 0, ...options });
}

/** GET a Discovery path with query params; `apikey` is added unless given (null leaves it out). */
export async function discoveryGet(
  fake: RunningFakeTicketmaster,
  path: string,
  params: Record<string, string | number | null> = {},
  init: RequestInit = {},
) {
  const query = new URLSearchParams();
  if (!('apikey' in params)) query.set('apikey', API_KEY);
  for (const [k, v] of Object.entries(params)) if (v !== null) query.set(k, String(v));
  const res = await fetch(`${fake.url}${path}?${query}`, init);
  const body = (await res.json()) as any;
  return { status: res.status, headers: res.headers, body };
}

export const search = (fake: RunningFakeTicketmaster, params: Record<string, string | number | null> = {}) =>
  discoveryGet(fake, '/discovery/v2/events.json', params);
