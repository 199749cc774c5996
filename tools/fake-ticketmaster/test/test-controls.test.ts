import type { RunningFakeTicketmaster } from '../src';
import { search, startFake } from './helpers';

let fake: RunningFakeTicketmaster;

beforeAll(async () => {
  fake = await startFake();
});
afterAll(() => fake.close());
beforeEach(() => fake.controls.reset());

const control = (path: string, body?: unknown) =>
  fetch(`${fake.url}/__control${path}`, {
    method: body === undefined && path === '/requests' ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('test controls (in process)', () => {
  it('setLatency delays responses so a client timeout fires', async () => {
    fake.controls.setLatency(400);
    const url = `${fake.url}/discovery/v2/events.json?apikey=test-key`;
    await expect(fetch(url, { signal: AbortSignal.timeout(100) })).rejects.toThrow(/timeout|aborted/i);

    const started = Date.now();
    expect((await fetch(url)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);

    fake.controls.setLatency(0);
    const quick = Date.now();
    await fetch(url);
    expect(Date.now() - quick).toBeLessThan(390);
  });

  it('failNext answers the given status for the given number of calls, then recovers', async () => {
    fake.controls.failNext(503, 2);
    const first = await search(fake);
    const second = await search(fake);
    const third = await search(fake);
    expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
    expect(first.body.fault.detail.errorcode).toBe('messaging.adaptors.http.flow.ServiceUnavailable');

    fake.controls.failNext(429);
    const limited = await search(fake);
    expect(limited.status).toBe(429);
    expect(limited.body.fault.detail.errorcode).toBe('policies.ratelimit.SpikeArrestViolation');
  });

  it('requestLog records each Discovery call with its query and final status', async () => {
    await search(fake, { keyword: 'hamilton' });
    await search(fake, { apikey: 'wrong' });
    await fetch(`${fake.url}/__control/health`);
    expect(fake.controls.requestLog).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/discovery/v2/events.json',
        query: { apikey: 'test-key', keyword: 'hamilton' },
        status: 200,
      }),
      expect.objectContaining({ status: 401 }),
    ]);
  });

  it('reset clears latency, pending failures and the log', async () => {
    fake.controls.setLatency(5000);
    fake.controls.failNext(500, 3);
    await fetch(`${fake.url}/__control/health`);
    fake.controls.reset();
    expect(fake.controls.latencyMs).toBe(0);
    expect((await search(fake)).status).toBe(200);
    expect(fake.controls.requestLog).toHaveLength(1);
  });

  it('rejects nonsense settings', () => {
    expect(() => fake.controls.setLatency(-1)).toThrow(RangeError);
    expect(() => fake.controls.failNext(200)).toThrow(RangeError);
    expect(() => fake.controls.failNext(500, 0)).toThrow(RangeError);
  });
});

describe('test controls over HTTP', () => {
  it('POST /__control/latency delays Discovery calls but not control calls', async () => {
    expect((await control('/latency', { ms: 300 })).status).toBe(200);
    const started = Date.now();
    await control('/requests');
    expect(Date.now() - started).toBeLessThan(290);
    await expect(
      fetch(`${fake.url}/discovery/v2/events.json?apikey=test-key`, { signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow(/timeout|aborted/i);
  });

  it('POST /__control/fail-next then GET /__control/requests', async () => {
    const res = await control('/fail-next', { status: 500, count: 1 });
    expect(await res.json()).toEqual({ pendingFailures: 1 });
    expect((await search(fake)).status).toBe(500);
    expect((await search(fake)).status).toBe(200);

    const log = (await (await control('/requests')).json()) as any;
    expect(log.requests.map((r: any) => r.status)).toEqual([500, 200]);
  });

  it('POST /__control/reset clears everything', async () => {
    await control('/fail-next', { status: 502, count: 5 });
    await search(fake);
    expect((await control('/reset')).status).toBe(200);
    expect((await search(fake)).status).toBe(200);
    expect(((await (await control('/requests')).json()) as any).requests).toHaveLength(1);
  });

  it('answers 400 with a message for bad control bodies', async () => {
    for (const [path, body] of [
      ['/latency', { ms: 'slow' }],
      ['/latency', { ms: -5 }],
      ['/fail-next', { status: 200 }],
      ['/fail-next', {}],
    ] as const) {
      const res = await control(path, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error).toEqual(expect.any(String));
    }
    const notJson = await fetch(`${fake.url}/__control/latency`, { method: 'POST', body: '{nope' });
    expect(notJson.status).toBe(400);
  });
});
