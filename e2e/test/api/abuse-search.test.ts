/**
 * Anonymous event search cannot burn the Ticketmaster quota: a repeated search is answered from
 * the shared cache (no Ticketmaster call, on any replica), and searches that would reach
 * Ticketmaster are limited per client IP (429 + Retry-After).
 */
import { RunningService, startService } from '@bigtix/middleware';
import { ticketsService } from '@bigtix/tickets-service/src/service';
import { newPerson } from '../../src/api-client';
import { send } from '../../src/abuse/http';
import { Stack, startStack } from '../../src/stack';

jest.setTimeout(60_000);

let stack: Stack;
let second: RunningService;
beforeAll(async () => {
  stack = await startStack({
    only: ['auth', 'tickets'],
    env: { TRUSTED_PROXIES: 'loopback', SEARCH_RATE_LIMIT_PER_IP: '3' },
  });
  second = await startService(ticketsService, stack.env('tickets'));
});
afterAll(async () => {
  await second?.stop();
  await stack?.stop();
});

const searches = () => stack.ticketmaster.controls.requestLog.filter((r) => r.path.endsWith('/events.json')).length;
const search = (url: string, query: string, ip: string, cookie?: string) =>
  send(url, { method: 'GET', path: `/api/events/search?${query}`, headers: { 'x-forwarded-for': ip }, cookie });

it('serves a repeated search from the cache shared by the replicas, however it is spelled', async () => {
  const before = searches();
  const first = await search(stack.services.tickets.url, 'keyword=Hamilton', '198.51.100.20');
  expect(first.status).toBe(200);
  expect(searches()).toBe(before + 1);
  for (const [url, query] of [
    [second.url, 'keyword=hamilton'],
    [stack.services.tickets.url, 'keyword=%20HAMILTON%20'],
    [second.url, 'keyword=Hamilton&page=0&size=20'],
  ]) {
    const again = await search(url, query, '198.51.100.20');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  }
  expect(searches()).toBe(before + 1);
});

it('limits searches that reach Ticketmaster per anonymous client IP, across replicas', async () => {
  const ip = '203.0.113.40';
  const statuses = [];
  for (let i = 0; i < 3; i++)
    statuses.push((await search(i % 2 ? second.url : stack.services.tickets.url, `keyword=probe-${i}`, ip)).status);
  expect(statuses).toEqual([200, 200, 200]);
  const limited = await search(second.url, 'keyword=probe-4', ip);
  expect(limited.status).toBe(429);
  const retryAfter = Number(limited.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(limited.body.errors[0].message).toMatch(/too many event searches/i);
  // A cached search is still answered, another address is not limited, nor a signed-in user there.
  expect((await search(second.url, 'keyword=probe-0', ip)).status).toBe(200);
  expect((await search(second.url, 'keyword=probe-5', '203.0.113.41')).status).toBe(200);
  const member = await newPerson(stack.url, 'searcher');
  expect((await search(second.url, 'keyword=probe-6', ip, member.cookie)).status).toBe(200);
});
