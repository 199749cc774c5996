import { fakeUser } from '@bigtix/testkit';
import request from 'supertest';
import { FIXTURE_IDS, TicketsHarness, startTickets, ticketBody } from '../support/harness';

const EVENT = FIXTURE_IDS.acdcAndFriends;

type Item = { id: string; price: number; serialNumber?: string; status: string };

describe('reading tickets', () => {
  let h: TicketsHarness;
  const seller = fakeUser();
  beforeAll(async () => {
    h = await startTickets('tread');
  });
  afterAll(() => h.stop());

  async function create(eventId: string, extra: Record<string, unknown> = {}, who = seller) {
    const res = await request(h.url)
      .post('/api/tickets/create')
      .set('Authorization', who.bearer)
      .send(ticketBody(eventId, extra));
    expect(res.status).toBe(201);
    return res.body as Item & { serialNumber: string };
  }

  async function allPages(path: string, limit: number, between?: (page: number) => Promise<void>): Promise<Item[]> {
    const seen: Item[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const res = await request(h.url)
        .get(path)
        .query({ limit, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (!cursor) return seen;
      await between?.(page);
    }
    throw new Error('pagination never ended');
  }

  describe('GET /api/tickets/:id', () => {
    it('shows the serial only to the owner', async () => {
      const t = await create(EVENT);
      const anonymous = await request(h.url).get(`/api/tickets/${t.id}`);
      expect(anonymous.status).toBe(200);
      expect(anonymous.body.serialNumber).toBeUndefined();
      expect(anonymous.body).toMatchObject({ id: t.id, price: t.price, status: 'available' });
      const other = await request(h.url).get(`/api/tickets/${t.id}`).set('Authorization', fakeUser().bearer);
      expect(other.body.serialNumber).toBeUndefined();
      const owner = await request(h.url).get(`/api/tickets/${t.id}`).set('Authorization', seller.bearer);
      expect(owner.body.serialNumber).toBe(t.serialNumber);
    });

    it('answers 404 for unknown and malformed ids', async () => {
      expect((await request(h.url).get('/api/tickets/0123456789abcdef01234567')).status).toBe(404);
      expect((await request(h.url).get('/api/tickets/nope')).status).toBe(404);
    });
  });

  describe('GET /api/tickets/serial-number/:serialNumber', () => {
    it('finds the ticket for its owner and answers 404 to anyone else', async () => {
      const t = await create(EVENT);
      const path = `/api/tickets/serial-number/${encodeURIComponent(t.serialNumber)}`;
      expect((await request(h.url).get(path)).status).toBe(401);
      const other = await request(h.url).get(path).set('Authorization', fakeUser().bearer);
      expect(other.status).toBe(404);
      expect(JSON.stringify(other.body)).not.toContain(t.id);
      const owner = await request(h.url).get(path).set('Authorization', seller.bearer);
      expect(owner.status).toBe(200);
      expect(owner.body).toMatchObject({ id: t.id, serialNumber: t.serialNumber });
    });
  });

  describe('GET /api/tickets', () => {
    it('pages through available tickets newest first without repeats or gaps while tickets are inserted', async () => {
      const mine = [];
      for (let i = 0; i < 7; i++) mine.push(await create(FIXTURE_IDS.soonest));
      const inserted: string[] = [];
      const seen = await allPages('/api/tickets', 3, async () => {
        inserted.push((await create(FIXTURE_IDS.soonest)).id);
      });
      const ids = seen.map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
      // Everything that existed when paging began is seen exactly once, newest first.
      const positions = mine.map((t) => ids.indexOf(t.id));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => b - a)).toEqual(positions);
      // Tickets inserted after the first page was read are newer than the cursor: not mixed in.
      expect(inserted.some((id) => ids.includes(id))).toBe(false);
      expect(seen.every((t) => t.status === 'available' && t.serialNumber === undefined)).toBe(true);
    });

    it('leaves out withdrawn tickets', async () => {
      const t = await create(EVENT);
      await request(h.url).delete(`/api/tickets/${t.id}`).set('Authorization', seller.bearer).expect(200);
      const seen = await allPages('/api/tickets', 200);
      expect(seen.map((x) => x.id)).not.toContain(t.id);
    });

    it.each([
      ['limit=0'],
      ['limit=201'],
      ['limit=abc'],
      ['cursor=!!!'],
      [`cursor=${Buffer.from('["x","y"]').toString('base64url')}`],
      [`cursor=${Buffer.from('[1,2]').toString('base64url')}`],
    ])('answers 400 for %s', async (qs) => {
      const res = await request(h.url).get(`/api/tickets?${qs}`);
      expect(res.status).toBe(400);
      expect(res.body.errors.length).toBeGreaterThan(0);
    });
  });

  describe('GET /api/tickets/event/:eventId', () => {
    it('sorts by price across pages, stable when cheaper tickets are inserted between pages', async () => {
      const prices = [5000, 1000, 3000, 3000, 2000, 9000, 3000];
      const made = [];
      for (const price of prices) made.push(await create(FIXTURE_IDS.inLondon, { price }));
      const seen = await allPages(`/api/tickets/event/${FIXTURE_IDS.inLondon}?sort=price`, 2, async () => {
        await create(FIXTURE_IDS.inLondon, { price: 100 });
      });
      const original = seen.filter((t) => made.some((m) => m.id === t.id));
      expect(original.map((t) => t.price)).toEqual([...prices].sort((a, b) => a - b));
      expect(new Set(seen.map((t) => t.id)).size).toBe(seen.length);
      expect(seen.map((t) => t.price)).toEqual([...seen.map((t) => t.price)].sort((a, b) => a - b));
    });

    it('lists newest first by default and only that event', async () => {
      const a = await create(FIXTURE_IDS.withoutImages);
      const b = await create(FIXTURE_IDS.withoutImages);
      await create(FIXTURE_IDS.postponed);
      const res = await request(h.url).get(`/api/tickets/event/${FIXTURE_IDS.withoutImages}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((t: Item) => t.id)).toEqual([b.id, a.id]);
      expect(res.body.nextCursor).toBeNull();
    });

    it('answers 400 for an unknown sort', async () => {
      expect((await request(h.url).get(`/api/tickets/event/${EVENT}?sort=cheapest`)).status).toBe(400);
    });
  });

  describe('GET /api/tickets/user/:userId', () => {
    it("lists a seller's listings of every status, serials only for the seller", async () => {
      const someone = fakeUser();
      const kept = await create(EVENT, {}, someone);
      const dropped = await create(EVENT, {}, someone);
      await request(h.url).delete(`/api/tickets/${dropped.id}`).set('Authorization', someone.bearer).expect(200);
      const publicView = await request(h.url).get(`/api/tickets/user/${someone.id}`);
      expect(publicView.body.items.map((t: Item) => [t.id, t.status])).toEqual([
        [dropped.id, 'withdrawn'],
        [kept.id, 'available'],
      ]);
      expect(publicView.body.items.every((t: Item) => t.serialNumber === undefined)).toBe(true);
      const own = await request(h.url)
        .get(`/api/tickets/user/${someone.id}?status=available`)
        .set('Authorization', someone.bearer);
      expect(own.body.items).toEqual([expect.objectContaining({ id: kept.id, serialNumber: kept.serialNumber })]);
    });

    it('pages through a seller with many listings', async () => {
      const big = fakeUser();
      const tickets = Array.from({ length: 25 }, () => ticketBody(EVENT));
      await request(h.url).post('/api/tickets/create').set('Authorization', big.bearer).send({ tickets }).expect(201);
      const seen = await allPages(`/api/tickets/user/${big.id}`, 10);
      expect(seen).toHaveLength(25);
      expect(new Set(seen.map((t) => t.id)).size).toBe(25);
    });

    it('lets only the user list the tickets they own', async () => {
      const someone = fakeUser();
      expect((await request(h.url).get(`/api/tickets/user/${someone.id}?role=owner`)).status).toBe(403);
      expect(
        (await request(h.url).get(`/api/tickets/user/${someone.id}?role=owner`).set('Authorization', fakeUser().bearer))
          .status,
      ).toBe(403);
      expect(
        (await request(h.url).get(`/api/tickets/user/${someone.id}?role=owner`).set('Authorization', someone.bearer))
          .status,
      ).toBe(200);
    });
  });
});
