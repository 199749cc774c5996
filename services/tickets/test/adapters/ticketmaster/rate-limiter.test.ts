import { RateLimiter } from '../../../src/adapters/ticketmaster/rate-limiter';

describe('RateLimiter (rolling window)', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  async function startTimes(limiter: RateLimiter, calls: number, runForMs: number): Promise<number[]> {
    const started: number[] = [];
    for (let i = 0; i < calls; i++) void limiter.take().then(() => started.push(Date.now()));
    await jest.advanceTimersByTimeAsync(runForMs);
    return started;
  }

  it('never lets more than 5 calls start in any rolling second, in arrival order', async () => {
    const started = await startTimes(new RateLimiter(5, 1_000, 50), 23, 10_000);
    expect(started).toHaveLength(23);
    for (let i = 5; i < started.length; i++) expect(started[i] - started[i - 5]).toBeGreaterThanOrEqual(1_050);
    expect(started.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
  });

  it('lets calls through at once while under the limit', async () => {
    const limiter = new RateLimiter(5, 1_000, 50);
    const started = await startTimes(limiter, 3, 0);
    expect(started).toEqual([0, 0, 0]);
    expect(limiter.waiting).toBe(0);
  });

  it('is off when the limit is 0', async () => {
    expect(await startTimes(new RateLimiter(0), 100, 0)).toHaveLength(100);
  });
});
