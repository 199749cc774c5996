import { ListingCache } from '../../src/domain/listing-cache';

describe('ListingCache', () => {
  it('shares one load between concurrent readers and serves it until the TTL passes', async () => {
    let now = 0;
    let loads = 0;
    const cache = new ListingCache<number>(1000, () => now);
    const load = async () => ++loads;
    const [a, b, c] = await Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)]);
    expect([a, b, c]).toEqual([1, 1, 1]);
    now = 999;
    expect(await cache.get('k', load)).toBe(1);
    now = 1000;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('forgets everything on clear, so a write is visible to the next reader', async () => {
    let loads = 0;
    const cache = new ListingCache<number>(60_000);
    const load = async () => ++loads;
    await cache.get('k', load);
    cache.clear();
    expect(await cache.get('k', load)).toBe(2);
  });

  it('does not remember a failed load', async () => {
    const cache = new ListingCache<number>(60_000);
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('k', async () => 7)).toBe(7);
  });

  it('is off with a TTL of 0', async () => {
    let loads = 0;
    const cache = new ListingCache<number>(0);
    await cache.get('k', async () => ++loads);
    expect(await cache.get('k', async () => ++loads)).toBe(2);
  });
});
