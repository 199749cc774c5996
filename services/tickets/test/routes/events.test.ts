import { fakeUser } from '@bigtix/testkit';
import request from 'supertest';
import { FIXTURE_IDS, TicketsHarness, UNKNOWN_EVENT_ID, startTickets, ticketBody } from '../support/harness';

describe('events routes', () => {
  let h: TicketsHarness;
  beforeAll(async () => {
    h = await startTickets('tevents');
  });
  afterAll(() => h.stop());

  describe('GET /api/events/search', () => {
    it('lists upcoming events soonest first when there is no keyword', async () => {
      const res = await request(h.url).get('/api/events/search');
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body).toMatchObject({ page: 0 });
      expect(res.body.totalElements).toBeGreaterThanOrEqual(res.body.items.length);
      const dates = res.body.items.map((e: { date: string }) => Date.parse(e.date));
      expect([...dates].sort((a, b) => a - b)).toEqual(dates);
      const first = res.body.items[0];
      expect(first).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          name: expect.any(String),
          url: expect.any(String),
          status: expect.any(String),
        }),
      );
      expect(first.venue).toEqual(expect.objectContaining({ name: expect.any(String), city: expect.any(String) }));
    });

    it('finds an event by a keyword that needs URL encoding', async () => {
      const res = await request(h.url).get('/api/events/search').query({ keyword: 'AC/DC & friends #1' });
      expect(res.status).toBe(200);
      expect(res.body.items.map((e: { id: string }) => e.id)).toContain(FIXTURE_IDS.acdcAndFriends);
    });

    it('filters by city and answers an empty page (not an error) when nothing matches', async () => {
      const london = await request(h.url).get('/api/events/search').query({ city: 'London' });
      expect(london.body.items.length).toBeGreaterThan(0);
      expect(london.body.items.every((e: { venue: { city: string } }) => e.venue.city === 'London')).toBe(true);
      const none = await request(h.url).get('/api/events/search').query({ keyword: 'zzzz-no-such-band' });
      expect(none.status).toBe(200);
      expect(none.body).toMatchObject({ items: [], totalElements: 0 });
    });

    it('filters by date range', async () => {
      const all = (await request(h.url).get('/api/events/search').query({ size: 100 })).body.items as {
        date: string;
      }[];
      const pivot = all[Math.floor(all.length / 2)].date.slice(0, 10);
      const res = await request(h.url).get('/api/events/search').query({ from: pivot, size: 100 });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.length).toBeLessThan(all.length);
      expect(res.body.items.every((e: { date: string }) => e.date.slice(0, 10) >= pivot)).toBe(true);
    });

    it.each([['from=tomorrow'], ['page=-1'], ['size=500'], ['page=10&size=100']])(
      'answers 400 for %s without calling Ticketmaster',
      async (qs) => {
        h.tm.controls.requestLog.length = 0;
        const res = await request(h.url).get(`/api/events/search?${qs}`);
        expect(res.status).toBe(400);
        expect(h.tm.controls.requestLog).toHaveLength(0);
      },
    );

    it('answers 502 with a clear message when Ticketmaster rejects the key', async () => {
      h.tm.controls.failNext(401);
      const res = await request(h.url).get('/api/events/search').query({ keyword: 'anything-uncached' });
      expect(res.status).toBe(502);
      expect(res.body.errors[0].message).toMatch(/API key/);
    });
  });

  describe('GET /api/events/:eventId', () => {
    it('maps details: venue, date, images, cents price range, status', async () => {
      const res = await request(h.url).get(`/api/events/${FIXTURE_IDS.erasTourMetLife}`);
      expect(res.status).toBe(200);
      const e = res.body;
      expect(e.id).toBe(FIXTURE_IDS.erasTourMetLife);
      expect(e.venue.city).toBeTruthy();
      expect(e.images.length).toBeGreaterThan(0);
      expect(e.image).toMatch(/^https?:\/\//);
      if (e.priceRange) {
        expect(Number.isInteger(e.priceRange.min)).toBe(true);
        expect(e.priceRange.max).toBeGreaterThanOrEqual(e.priceRange.min);
      }
    });

    it.each([
      ['cancelled', FIXTURE_IDS.cancelled],
      ['postponed', FIXTURE_IDS.postponed],
      ['rescheduled', FIXTURE_IDS.rescheduled],
      ['offsale', FIXTURE_IDS.offsale],
    ])('reports status %s', async (status, id) => {
      expect((await request(h.url).get(`/api/events/${id}`)).body.status).toBe(status);
    });

    it('copes with events without images, price ranges or a time', async () => {
      const noImages = (await request(h.url).get(`/api/events/${FIXTURE_IDS.withoutImages}`)).body;
      expect(noImages).toMatchObject({ image: null, images: [] });
      const noPrice = (await request(h.url).get(`/api/events/${FIXTURE_IDS.withoutPriceRanges}`)).body;
      expect(noPrice.priceRange).toBeUndefined();
      const noTime = (await request(h.url).get(`/api/events/${FIXTURE_IDS.withoutSpecificTime}`)).body;
      expect(noTime.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it("carries Ticketmaster's static seat map as seatmapUrl, and leaves it out when there is none", async () => {
      const mapped = (await request(h.url).get(`/api/events/${FIXTURE_IDS.withSeatmap}`)).body;
      expect(mapped.seatmapUrl).toBe(
        `https://maps.ticketmaster.com/maps/geometry/3/event/${FIXTURE_IDS.withSeatmap}/staticImage?type=png&systemId=HOST`,
      );
      const unmapped = (await request(h.url).get(`/api/events/${FIXTURE_IDS.withoutSeatmap}`)).body;
      expect(unmapped).not.toHaveProperty('seatmapUrl');
    });

    it('answers 404 for unknown and impossible ids', async () => {
      const unknown = await request(h.url).get(`/api/events/${UNKNOWN_EVENT_ID}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.errors[0].message).toContain(UNKNOWN_EVENT_ID);
      expect((await request(h.url).get('/api/events/bad%20id!')).status).toBe(404);
    });

    it('serves repeat lookups from the cache (one Ticketmaster call)', async () => {
      h.tm.controls.requestLog.length = 0;
      for (let i = 0; i < 5; i++)
        expect((await request(h.url).get(`/api/events/${FIXTURE_IDS.beyonceLosAngeles}`)).status).toBe(200);
      expect(h.tm.controls.requestLog.length).toBeLessThanOrEqual(1);
    });
  });

  describe('GET /api/events/upcoming-with-tickets', () => {
    it('lists only events with available tickets, with counts and lowest price', async () => {
      const seller = fakeUser();
      const post = (body: object) =>
        request(h.url).post('/api/tickets/create').set('Authorization', seller.bearer).send(body).expect(201);
      await post(ticketBody(FIXTURE_IDS.hamiltonNewYork, { price: 8000 }));
      await post(ticketBody(FIXTURE_IDS.hamiltonNewYork, { price: 6000 }));
      const gone = (await post(ticketBody(FIXTURE_IDS.inLondon))).body;
      await request(h.url).delete(`/api/tickets/${gone.id}`).set('Authorization', seller.bearer).expect(200);
      const res = await request(h.url).get('/api/events/upcoming-with-tickets');
      expect(res.status).toBe(200);
      const ids = res.body.items.map((e: { id: string }) => e.id);
      expect(ids).toContain(FIXTURE_IDS.hamiltonNewYork);
      expect(ids).not.toContain(FIXTURE_IDS.inLondon);
      expect(res.body.items.find((e: { id: string }) => e.id === FIXTURE_IDS.hamiltonNewYork)).toMatchObject({
        availableTickets: 2,
        lowestPrice: 6000,
      });
      expect((await request(h.url).get('/api/events/upcoming-with-tickets?limit=51')).status).toBe(400);
    });
  });
});
