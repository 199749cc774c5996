import type { RunningFakeTicketmaster } from '../src';
import { FIXTURE_IDS } from '../src';
import { API_KEY, discoveryGet, manualClock, search, startFake } from './helpers';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('API key', () => {
  let fake: RunningFakeTicketmaster;
  beforeAll(async () => {
    fake = await startFake();
  });
  afterAll(() => fake.close());

  const invalidKey = { fault: { faultstring: 'Invalid ApiKey', detail: { errorcode: 'oauth.v2.InvalidApiKey' } } };

  it('answers 401 with the gateway fault for a wrong key', async () => {
    const { status, headers, body } = await search(fake, { apikey: 'not-the-key' });
    expect(status).toBe(401);
    expect(body).toEqual(invalidKey);
    expect(headers.get('rate-limit')).toBeNull();
  });

  it('answers 401 for a missing key, on details too', async () => {
    expect(await search(fake, { apikey: null })).toEqual(expect.objectContaining({ status: 401, body: invalidKey }));
    const details = await discoveryGet(fake, `/discovery/v2/events/${FIXTURE_IDS.soonest}.json`, { apikey: null });
    expect(details.status).toBe(401);
  });
});

describe('rate limiting', () => {
  const clock = manualClock();
  let fake: RunningFakeTicketmaster;
  beforeAll(async () => {
    fake = await startFake({ rateLimitPerSecond: 5, dailyQuota: 8, now: clock.now });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.controls.reset());

  it('reports the daily quota in Rate-Limit-* headers on every success', async () => {
    const first = await search(fake);
    const second = await search(fake);
    expect(first.headers.get('rate-limit')).toBe('8');
    expect(first.headers.get('rate-limit-available')).toBe('7');
    expect(second.headers.get('rate-limit-available')).toBe('6');
    expect(second.headers.get('rate-limit-over')).toBe('0');
    // Like the real key, the quota day ends 24 hours after the first call (epoch ms).
    expect(second.headers.get('rate-limit-reset')).toBe(String(clock.now() + DAY_MS));
  });

  it('answers 429 spike arrest for the sixth request within one second, then recovers', async () => {
    for (let i = 0; i < 5; i++) expect((await search(fake)).status).toBe(200);
    const refused = await search(fake);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      fault: {
        faultstring: 'Spike arrest violation. Allowed rate : 5ps',
        detail: { errorcode: 'policies.ratelimit.SpikeArrestViolation' },
      },
    });
    expect(Number(refused.headers.get('rate-limit-reset'))).toBeGreaterThan(clock.now());

    clock.advance(999);
    expect((await search(fake)).status).toBe(429);
    clock.advance(1);
    expect((await search(fake)).status).toBe(200);
  });

  it("does not let calls with a wrong key use up the real key's window", async () => {
    // Only one key is valid, so the other key's calls are 401s and must not use up the window.
    for (let i = 0; i < 10; i++) await search(fake, { apikey: 'someone-else' });
    expect((await search(fake)).status).toBe(200);
  });

  it('answers 429 quota violation once the daily quota is used, until it resets', async () => {
    for (let i = 0; i < 8; i++) {
      expect((await search(fake)).status).toBe(200);
      clock.advance(1000);
    }
    const over = await search(fake);
    expect(over.status).toBe(429);
    expect(over.body.fault.detail.errorcode).toBe('policies.ratelimit.QuotaViolation');
    expect(over.headers.get('rate-limit-available')).toBe('0');
    expect(over.headers.get('rate-limit-over')).toBe('1');

    clock.advance(DAY_MS);
    expect((await search(fake)).status).toBe(200);
  });

  it('counts 400s against the quota but sends no rate headers on them', async () => {
    const bad = await search(fake, { size: 999 });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('rate-limit-available')).toBeNull();
    expect((await search(fake)).headers.get('rate-limit-available')).toBe('6');
  });

  it('does not limit at all with rateLimitPerSecond 0', async () => {
    const open = await startFake({ rateLimitPerSecond: 0, dailyQuota: 2, apiKey: API_KEY });
    try {
      const statuses = await Promise.all(Array.from({ length: 20 }, () => search(open).then((r) => r.status)));
      expect(new Set(statuses)).toEqual(new Set([200]));
    } finally {
      await open.close();
    }
  });
});
