import { isolate } from '@bigtix/testkit';
import mongoose, { Connection } from 'mongoose';
import {
  FIXTURE_IDS,
  RunningFakeTicketmaster,
  UNKNOWN_EVENT_ID,
  startFakeTicketmaster,
} from '@bigtix/fake-ticketmaster';
import { EventCache } from '../../../src/adapters/ticketmaster/event-cache';
import { TicketmasterClient } from '../../../src/adapters/ticketmaster/ticketmaster-client';

describe('EventCache', () => {
  const iso = isolate('tcache');
  let tm: RunningFakeTicketmaster;
  let conn: Connection;
  let clock = Date.now();
  const now = () => clock;
  const calls = () => tm.controls.requestLog.length;
  const cache = () =>
    new EventCache(
      new TicketmasterClient({
        baseUrl: tm.url,
        apiKey: tm.apiKey,
        timeoutMs: 2000,
        requestsPerSecond: 0,
        maxRetries: 0,
        maxRetryWaitMs: 100,
      }),
      conn.db!.collection('event_cache'),
      { ttlMs: 60_000, notFoundTtlMs: 5_000, now },
    );

  beforeAll(async () => {
    tm = await startFakeTicketmaster({ port: 0, rateLimitPerSecond: 0 });
    conn = await mongoose.createConnection(iso.mongoUrl('tickets')).asPromise();
  });
  afterAll(async () => {
    await conn.close();
    await tm.close();
    await iso.cleanup();
  });
  beforeEach(() => tm.controls.reset());

  it('makes one call for many simultaneous lookups of one event', async () => {
    const c = cache();
    const results = await Promise.all(Array.from({ length: 50 }, () => c.get(FIXTURE_IDS.erasTourMetLife)));
    expect(results.every((r) => r?.id === FIXTURE_IDS.erasTourMetLife)).toBe(true);
    expect(calls()).toBe(1);
  });

  it('shares fetched events through MongoDB with another replica, until the TTL runs out', async () => {
    await cache().get(FIXTURE_IDS.hamiltonNewYork);
    expect(calls()).toBe(1);
    const otherReplica = cache();
    expect((await otherReplica.get(FIXTURE_IDS.hamiltonNewYork))?.id).toBe(FIXTURE_IDS.hamiltonNewYork);
    expect(calls()).toBe(1);
    clock += 61_000;
    await otherReplica.get(FIXTURE_IDS.hamiltonNewYork);
    expect(calls()).toBe(2);
  });

  it('remembers an unknown id briefly', async () => {
    const c = cache();
    expect(await c.get(UNKNOWN_EVENT_ID)).toBeNull();
    expect(await c.get(UNKNOWN_EVENT_ID)).toBeNull();
    expect(calls()).toBe(1);
    clock += 6_000;
    expect(await c.get(UNKNOWN_EVENT_ID)).toBeNull();
    expect(calls()).toBe(2);
  });

  it('getMany looks each distinct id up once', async () => {
    const ids = [FIXTURE_IDS.soonest, FIXTURE_IDS.soonest, FIXTURE_IDS.inLondon, FIXTURE_IDS.soonest];
    const found = await cache().getMany(ids);
    expect([...found.keys()]).toEqual([FIXTURE_IDS.soonest, FIXTURE_IDS.inLondon]);
    expect(calls()).toBe(2);
  });
});
