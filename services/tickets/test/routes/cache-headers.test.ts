// Public reads are cacheable at the edge (ETag, 304, s-maxage); private and mutating answers
// stay no-store. The cache policy itself is tested in packages/middleware.
import { fakeUser } from '@bigtix/testkit';
import request from 'supertest';
import { FIXTURE_IDS, TicketsHarness, startTickets, ticketBody } from '../support/harness';

const EVENT = FIXTURE_IDS.acdcAndFriends;
const PUBLIC = /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/;

describe('cache headers on the tickets routes', () => {
  let h: TicketsHarness;
  const seller = fakeUser();
  let ticket: { id: string; serialNumber: string };
  beforeAll(async () => {
    h = await startTickets('tcache');
    const res = await request(h.url)
      .post('/api/tickets/create')
      .set('Authorization', seller.bearer)
      .send(ticketBody(EVENT));
    expect(res.status).toBe(201);
    ticket = res.body;
  });
  afterAll(() => h.stop());

  it.each([
    ['one ticket', () => `/api/tickets/${ticket.id}`],
    ['the event listing', () => `/api/tickets/event/${EVENT}`],
    ['tickets on sale', () => '/api/tickets'],
    ["a seller's listings", () => `/api/tickets/user/${seller.id}`],
    ['an event', () => `/api/events/${EVENT}`],
    ['events with tickets', () => '/api/events/upcoming-with-tickets'],
  ])('%s: public with an ETag, and 304 when it did not change', async (_name, path) => {
    const first = await request(h.url).get(path());
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toMatch(PUBLIC);
    const again = await request(h.url).get(path()).set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
  });

  it('a ticket changes its ETag when it is edited', async () => {
    const before = await request(h.url).get(`/api/tickets/${ticket.id}`);
    const edit = await request(h.url)
      .put('/api/tickets')
      .set('Authorization', seller.bearer)
      .send({ id: ticket.id, price: 4_321 });
    expect(edit.status).toBe(200);
    expect(edit.headers['cache-control']).toBe('no-store');
    const after = await request(h.url).get(`/api/tickets/${ticket.id}`).set('If-None-Match', before.headers.etag);
    expect(after.status).toBe(200);
    expect(after.body.price).toBe(4_321);
  });

  it('the owner (who sees the serial) gets no-store; so do a 404 and what only the caller may see', async () => {
    const mine = await request(h.url).get(`/api/tickets/${ticket.id}`).set('Authorization', seller.bearer);
    expect(mine.body.serialNumber).toBe(ticket.serialNumber);
    expect(mine.headers['cache-control']).toBe('no-store');
    expect(mine.headers.vary).toMatch(/Authorization, Cookie/);

    const anonymous = await request(h.url).get(`/api/tickets/${ticket.id}`);
    expect(anonymous.body.serialNumber).toBeUndefined();

    const missing = await request(h.url).get('/api/tickets/0123456789abcdef01234567');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');

    const owned = await request(h.url)
      .get(`/api/tickets/user/${seller.id}`)
      .query({ role: 'owner' })
      .set('Authorization', seller.bearer);
    expect(owned.status).toBe(200);
    expect(owned.headers['cache-control']).toBe('no-store');
  });
});
