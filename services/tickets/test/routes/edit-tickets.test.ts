import { fakeUser } from '@bigtix/testkit';
import request from 'supertest';
import { FIXTURE_IDS, TicketsHarness, startTickets, ticketBody } from '../support/harness';

const EVENT = FIXTURE_IDS.hamiltonNewYork;

describe('changing tickets', () => {
  let h: TicketsHarness;
  const seller = fakeUser();
  beforeAll(async () => {
    h = await startTickets('tedit');
  });
  afterAll(() => h.stop());

  async function create() {
    const res = await request(h.url)
      .post('/api/tickets/create')
      .set('Authorization', seller.bearer)
      .send(ticketBody(EVENT));
    expect(res.status).toBe(201);
    return res.body as { id: string; serialNumber: string; price: number; title: string };
  }
  const stored = (id: string) => h.tickets.findOne({ _id: id as never });
  /** Puts a ticket in a state the order consumers would, through a second writer on the same store. */
  const force = async (id: string, patch: Record<string, unknown>) => {
    const doc = await stored(id);
    await h.tickets.replaceOne({ _id: id as never }, { ...doc, ...patch, version: (doc!.version as number) + 1 });
  };

  describe('PUT /api/tickets', () => {
    it('lets the owner change price and title, bumping the version', async () => {
      const t = await create();
      const res = await request(h.url)
        .put('/api/tickets')
        .set('Authorization', seller.bearer)
        .send({ id: t.id, price: 9_900, title: 'Orchestra' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: t.id,
        price: 9_900,
        title: 'Orchestra',
        version: 2,
        serialNumber: t.serialNumber,
      });
      expect(await stored(t.id)).toMatchObject({ price: 9_900, version: 2 });
    });

    it('refuses anonymous (401) and other users (403), changing nothing', async () => {
      const t = await create();
      expect((await request(h.url).put('/api/tickets').send({ id: t.id, price: 500 })).status).toBe(401);
      const other = await request(h.url)
        .put('/api/tickets')
        .set('Authorization', fakeUser().bearer)
        .send({ id: t.id, price: 500 });
      expect(other.status).toBe(403);
      expect(await stored(t.id)).toMatchObject({ price: t.price, version: 1 });
    });

    it.each([
      ['nothing to change', {}],
      ['a float price', { price: 1.5 }],
      ["a price under Stripe's 50-cent minimum", { price: 49 }],
      ['a serial number (not editable)', { serialNumber: 'X' }],
      ['a status (not editable)', { status: 'sold' }],
    ])('refuses %s with 400, changing nothing', async (_what, patch) => {
      const t = await create();
      const res = await request(h.url)
        .put('/api/tickets')
        .set('Authorization', seller.bearer)
        .send({ id: t.id, ...patch });
      expect(res.status).toBe(400);
      expect(await stored(t.id)).toMatchObject({ version: 1 });
    });

    it('answers 400 for a malformed id and 404 for an unknown one', async () => {
      expect(
        (await request(h.url).put('/api/tickets').set('Authorization', seller.bearer).send({ id: 'x', price: 500 }))
          .status,
      ).toBe(400);
      expect(
        (
          await request(h.url)
            .put('/api/tickets')
            .set('Authorization', seller.bearer)
            .send({ id: '0123456789abcdef01234567', price: 500 })
        ).status,
      ).toBe(404);
    });

    it.each([['held'], ['sold']])('refuses with 409 while the ticket is %s', async (status) => {
      const t = await create();
      await force(t.id, { status, orderId: 'order-1' });
      const res = await request(h.url)
        .put('/api/tickets')
        .set('Authorization', seller.bearer)
        .send({ id: t.id, price: 1_000 });
      expect(res.status).toBe(409);
      expect(await stored(t.id)).toMatchObject({ price: t.price, status });
    });
  });

  describe('DELETE /api/tickets/:id', () => {
    it('delists the ticket for its owner (withdrawn, version+1), and again is harmless', async () => {
      const t = await create();
      const res = await request(h.url).delete(`/api/tickets/${t.id}`).set('Authorization', seller.bearer);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: t.id, status: 'withdrawn', version: 2 });
      const again = await request(h.url).delete(`/api/tickets/${t.id}`).set('Authorization', seller.bearer);
      expect(again.status).toBe(200);
      expect(again.body.version).toBe(2);
      expect(await h.changes.countDocuments({ aggregateId: t.id })).toBe(2);
      // A withdrawn ticket cannot be edited back to life.
      expect(
        (await request(h.url).put('/api/tickets').set('Authorization', seller.bearer).send({ id: t.id, price: 500 }))
          .status,
      ).toBe(409);
    });

    it('relists a withdrawn ticket when its seller lists the same serial again; anyone else lists a copy of their own', async () => {
      const body = ticketBody(EVENT);
      const t = (await request(h.url).post('/api/tickets/create').set('Authorization', seller.bearer).send(body)).body;
      await request(h.url).delete(`/api/tickets/${t.id}`).set('Authorization', seller.bearer).expect(200);
      // Serials are unique per seller: another seller's listing is a new ticket, never this one.
      const stranger = await request(h.url)
        .post('/api/tickets/create')
        .set('Authorization', fakeUser().bearer)
        .send(body);
      expect(stranger.status).toBe(201);
      expect(stranger.body.id).not.toBe(t.id);
      const again = await request(h.url)
        .post('/api/tickets/create')
        .set('Authorization', seller.bearer)
        .send({ ...body, price: 7_700 });
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ id: t.id, status: 'available', price: 7_700, version: 3 });
      expect(await h.tickets.countDocuments({ serialNumber: body.serialNumber, sellerId: seller.id })).toBe(1);
    });

    it('refuses anonymous (401) and other users (403)', async () => {
      const t = await create();
      expect((await request(h.url).delete(`/api/tickets/${t.id}`)).status).toBe(401);
      expect((await request(h.url).delete(`/api/tickets/${t.id}`).set('Authorization', fakeUser().bearer)).status).toBe(
        403,
      );
      expect(await stored(t.id)).toMatchObject({ status: 'available', version: 1 });
    });

    it('answers 404 for unknown ids', async () => {
      expect(
        (await request(h.url).delete('/api/tickets/0123456789abcdef01234567').set('Authorization', seller.bearer))
          .status,
      ).toBe(404);
      expect((await request(h.url).delete('/api/tickets/bad-id').set('Authorization', seller.bearer)).status).toBe(404);
    });

    it.each([['held'], ['sold']])('refuses with 409 while the ticket is %s', async (status) => {
      const t = await create();
      await force(t.id, { status, orderId: 'order-1' });
      expect((await request(h.url).delete(`/api/tickets/${t.id}`).set('Authorization', seller.bearer)).status).toBe(
        409,
      );
      expect(await stored(t.id)).toMatchObject({ status });
    });
  });
});
