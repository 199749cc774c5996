import { UpstreamError } from '@bigtix/common';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  FIXTURE_IDS,
  RunningFakeTicketmaster,
  TRICKY_KEYWORDS,
  UNKNOWN_EVENT_ID,
  startFakeTicketmaster,
} from '@bigtix/fake-ticketmaster';
import {
  TicketmasterClient,
  TicketmasterClientOptions,
  toApiDateTime,
} from '../../../src/adapters/ticketmaster/ticketmaster-client';

const base = { timeoutMs: 2_000, requestsPerSecond: 0, maxRetries: 3, maxRetryWaitMs: 2_000, retryFallbackMs: 50 };

describe('TicketmasterClient against the fake Discovery API', () => {
  let tm: RunningFakeTicketmaster;
  const client = (opts: Partial<TicketmasterClientOptions> = {}) =>
    new TicketmasterClient({ ...base, baseUrl: tm.url, apiKey: tm.apiKey, ...opts });

  beforeAll(async () => {
    tm = await startFakeTicketmaster({ port: 0, rateLimitPerSecond: 0 });
  });
  afterAll(() => tm.close());
  beforeEach(() => tm.controls.reset());

  it('URL-encodes every parameter (AC/DC & friends #1 arrives intact) and sends the apikey', async () => {
    const result = await client().searchEvents({ keyword: 'AC/DC & friends #1', city: 'São Paulo', page: 0, size: 20 });
    const [call] = tm.controls.requestLog;
    expect(call.path).toBe('/discovery/v2/events.json');
    expect(call.query).toMatchObject({
      keyword: 'AC/DC & friends #1',
      city: 'São Paulo',
      apikey: tm.apiKey,
      size: '20',
      page: '0',
    });
    expect(result.events).toEqual([]);
    const found = await client().searchEvents({ keyword: TRICKY_KEYWORDS[0], page: 0, size: 20 });
    expect(found.events.map((e) => e.id)).toContain(FIXTURE_IDS.acdcAndFriends);
  });

  it('treats a missing _embedded as no results', async () => {
    const result = await client().searchEvents({ keyword: 'no-such-event-anywhere', page: 0, size: 20 });
    expect(result).toEqual({ events: [], page: 0, totalPages: 0, totalElements: 0 });
  });

  it('refuses pages past the deep-paging limit before calling', async () => {
    await expect(client().searchEvents({ page: 10, size: 100 })).rejects.toMatchObject({ status: 400 });
    await expect(client().searchEvents({ page: 50, size: 20 })).rejects.toMatchObject({ status: 400 });
    expect(tm.controls.requestLog).toHaveLength(0);
    await expect(client().searchEvents({ page: 9, size: 100 })).resolves.toBeDefined();
  });

  it('sends dates in the format Discovery requires', async () => {
    await client().searchEvents({ from: '2030-01-02', to: '2030-02-03T10:20:30.456Z', page: 0, size: 5 });
    expect(tm.controls.requestLog[0].query).toMatchObject({
      startDateTime: '2030-01-02T00:00:00Z',
      endDateTime: '2030-02-03T10:20:30Z',
    });
    expect(toApiDateTime('2030-02-03', 'end')).toBe('2030-02-03T23:59:59Z');
  });

  it('fetches one event and answers null for an unknown id', async () => {
    expect((await client().getEvent(FIXTURE_IDS.hamiltonNewYork))?.id).toBe(FIXTURE_IDS.hamiltonNewYork);
    expect(await client().getEvent(UNKNOWN_EVENT_ID)).toBeNull();
  });

  it('retries a 429 and succeeds', async () => {
    tm.controls.failNext(429, 2);
    const event = await client().getEvent(FIXTURE_IDS.soonest);
    expect(event?.id).toBe(FIXTURE_IDS.soonest);
    expect(tm.controls.requestLog.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('gives up after a bounded number of 429s with a 503', async () => {
    tm.controls.failNext(429, 10);
    await expect(client({ maxRetries: 2 }).getEvent(FIXTURE_IDS.soonest)).rejects.toMatchObject({ status: 503 });
    expect(tm.controls.requestLog).toHaveLength(3);
  });

  it('recovers when the real spike arrest answers 429 to a burst', async () => {
    const strict = await startFakeTicketmaster({ port: 0, rateLimitPerSecond: 2 });
    try {
      // No client-side limit: the server's spike arrest refuses some and the client retries them.
      const c = new TicketmasterClient({
        ...base,
        baseUrl: strict.url,
        apiKey: strict.apiKey,
        retryFallbackMs: 600,
        maxRetries: 4,
      });
      const ids = [FIXTURE_IDS.soonest, FIXTURE_IDS.inLondon, FIXTURE_IDS.offsale, FIXTURE_IDS.postponed];
      const events = await Promise.all(ids.map((id) => c.getEvent(id)));
      expect(events.map((e) => e?.id)).toEqual(ids);
      expect(strict.controls.requestLog.some((r) => r.status === 429)).toBe(true);
    } finally {
      await strict.close();
    }
  });

  it('waits until Rate-Limit-Reset when it is near, then retries', async () => {
    let calls = 0;
    let resetAt = 0;
    const server = http.createServer((req, res) => {
      calls += 1;
      if (calls === 1) {
        resetAt = Date.now() + 300;
        res.writeHead(429, { 'content-type': 'application/json', 'Rate-Limit-Reset': String(resetAt) });
        res.end(
          JSON.stringify({
            fault: {
              faultstring: 'Spike arrest violation. Allowed rate : 5ps',
              detail: { errorcode: 'policies.ratelimit.SpikeArrestViolation' },
            },
          }),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'E1', name: 'Retried', at: Date.now() }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const event = (await client({ baseUrl: url, retryFallbackMs: 5 }).getEvent('E1')) as unknown as {
        name: string;
        at: number;
      };
      expect(event.name).toBe('Retried');
      expect(event.at).toBeGreaterThanOrEqual(resetAt);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('fails at once with 503 when the daily quota is used up (reset hours away)', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'Rate-Limit-Reset': String(Date.now() + 3_600_000) });
      res.end(
        JSON.stringify({
          fault: {
            faultstring: 'Rate limit quota violation.',
            detail: { errorcode: 'policies.ratelimit.QuotaViolation' },
          },
        }),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const err = await client({ baseUrl: url })
        .getEvent('E1')
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ status: 503 });
      expect((err as Error).message).toMatch(/quota/);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('paces its own calls (5 per rolling second): a burst of 8 takes over a second and all succeed', async () => {
    const strict = await startFakeTicketmaster({ port: 0, rateLimitPerSecond: 5 });
    try {
      const c = new TicketmasterClient({ ...base, baseUrl: strict.url, apiKey: strict.apiKey, requestsPerSecond: 5 });
      const started = Date.now();
      const events = await Promise.all(Array.from({ length: 8 }, () => c.getEvent(FIXTURE_IDS.soonest)));
      expect(events.every((e) => e?.id === FIXTURE_IDS.soonest)).toBe(true);
      // 5 at once, the other 3 only once the first leave the rolling second. (On a loaded machine
      // network jitter can still trip the server's spike arrest now and then: the retry absorbs it.)
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
      expect(strict.controls.requestLog.filter((r) => r.status === 200)).toHaveLength(8);
    } finally {
      await strict.close();
    }
  });

  it('times out a slow answer with a 504 instead of hanging', async () => {
    tm.controls.setLatency(1_000);
    const started = Date.now();
    const err = await client({ timeoutMs: 150 })
      .getEvent(FIXTURE_IDS.soonest)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ status: 504 });
    expect((err as Error).message).toMatch(/did not answer within 150 ms/);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('turns a bad key into a 502 UpstreamError naming the setting', async () => {
    const err = await client({ apiKey: 'wrong-key' })
      .searchEvents({ page: 0, size: 20 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ status: 502 });
    expect((err as Error).message).toMatch(/TICKETMASTER_CONSUMER_KEY/);
    expect(tm.controls.requestLog[0].status).toBe(401);
  });

  it('retries a 5xx once and reports a persistent one as an UpstreamError', async () => {
    tm.controls.failNext(503, 1);
    expect((await client().getEvent(FIXTURE_IDS.soonest))?.id).toBe(FIXTURE_IDS.soonest);
    tm.controls.failNext(500, 10);
    await expect(client({ maxRetries: 1 }).getEvent(FIXTURE_IDS.soonest)).rejects.toBeInstanceOf(UpstreamError);
  });

  it('reports an unreachable server as a 503', async () => {
    await expect(
      new TicketmasterClient({ ...base, baseUrl: 'http://127.0.0.1:1', apiKey: 'k' }).getEvent('x'),
    ).rejects.toMatchObject({ status: 503 });
  });
});
