import { fakeUser } from '@bigtix/testkit';
import request from 'supertest';
import { FIXTURE_IDS, TicketsHarness, UNKNOWN_EVENT_ID, startTickets, ticketBody } from '../support/harness';

const EVENT = FIXTURE_IDS.erasTourMetLife;
const OTHER_EVENT = FIXTURE_IDS.hamiltonNewYork;

describe('POST /api/tickets/create', () => {
  let h: TicketsHarness;
  beforeAll(async () => {
    h = await startTickets('tcreate');
  });
  afterAll(() => h.stop());

  const count = () => h.tickets.countDocuments();

  describe('one ticket', () => {
    it('refuses an anonymous caller with 401 and writes nothing', async () => {
      const before = await count();
      const res = await request(h.url).post('/api/tickets/create').send(ticketBody(EVENT));
      expect(res.status).toBe(401);
      expect(await count()).toBe(before);
    });

    it('creates a ticket at version 1 owned by the caller, with its serial shown to them', async () => {
      const seller = fakeUser();
      const body = ticketBody(EVENT);
      const res = await request(h.url).post('/api/tickets/create').set('Authorization', seller.bearer).send(body);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        title: body.title,
        price: 12_500,
        currency: 'usd',
        eventId: EVENT,
        userId: seller.id,
        sellerId: seller.id,
        status: 'available',
        version: 1,
        serialNumber: body.serialNumber,
      });
      expect(res.body.id).toMatch(/^[0-9a-f]{24}$/);
      const stored = await h.tickets.findOne({ _id: res.body.id });
      expect(stored).toMatchObject({ price: 12_500, version: 1, sellerId: seller.id });
    });

    it('accepts a userId equal to the caller', async () => {
      const seller = fakeUser();
      const res = await request(h.url)
        .post('/api/tickets/create')
        .set('Cookie', seller.cookie)
        .send(ticketBody(EVENT, { userId: seller.id }));
      expect(res.status).toBe(201);
    });

    it('refuses a userId naming someone else with 403 and writes nothing', async () => {
      const seller = fakeUser();
      const victim = fakeUser();
      const before = await count();
      const res = await request(h.url)
        .post('/api/tickets/create')
        .set('Authorization', seller.bearer)
        .send(ticketBody(EVENT, { userId: victim.id }));
      expect(res.status).toBe(403);
      expect(res.body.errors[0].message).toMatch(/userId/);
      expect(await count()).toBe(before);
    });

    it.each([
      ['a float price', { price: 10.5 }, 'price'],
      ['a zero price', { price: 0 }, 'price'],
      ["a price under Stripe's 50-cent minimum", { price: 49 }, 'price'],
      ["a price over Stripe's maximum charge", { price: 100_000_000 }, 'price'],
      ['a price as a string', { price: '100' }, 'price'],
      ['an empty title', { title: '  ' }, 'title'],
      ['a missing serial', { serialNumber: undefined }, 'serialNumber'],
      ['a malformed event id', { eventId: 'not an id!' }, 'eventId'],
      ['an unknown field', { color: 'red' }, ''],
    ])('refuses %s with 400 naming the field, writing nothing', async (_what, patch, field) => {
      const seller = fakeUser();
      const before = await count();
      const body = { ...ticketBody(EVENT), ...patch };
      const res = await request(h.url).post('/api/tickets/create').set('Authorization', seller.bearer).send(body);
      expect(res.status).toBe(400);
      if (field) expect(res.body.errors.map((e: { field?: string }) => e.field)).toContain(field);
      expect(await count()).toBe(before);
    });

    it('refuses an event Ticketmaster does not know with 400 saying so', async () => {
      const seller = fakeUser();
      const before = await count();
      const res = await request(h.url)
        .post('/api/tickets/create')
        .set('Authorization', seller.bearer)
        .send(ticketBody(UNKNOWN_EVENT_ID));
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'eventId' });
      expect(res.body.errors[0].message).toContain(UNKNOWN_EVENT_ID);
      expect(await count()).toBe(before);
    });

    it('refuses a cancelled event with 400', async () => {
      const seller = fakeUser();
      const res = await request(h.url)
        .post('/api/tickets/create')
        .set('Authorization', seller.bearer)
        .send(ticketBody(FIXTURE_IDS.cancelled));
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/cancelled/);
    });

    it('answers 409 for a serial the caller already listed for that event, and 201 to another seller', async () => {
      const seller = fakeUser();
      const other = fakeUser();
      const body = ticketBody(EVENT);
      expect(
        (await request(h.url).post('/api/tickets/create').set('Authorization', seller.bearer).send(body)).status,
      ).toBe(201);
      const again = await request(h.url).post('/api/tickets/create').set('Authorization', seller.bearer).send(body);
      expect(again.status).toBe(409);
      expect(again.body.errors[0].message).toMatch(/^You already listed/);
      // Unique per (event, seller): another seller's copy is settled at sale time (serial-numbers.test.ts).
      const copy = await request(h.url).post('/api/tickets/create').set('Authorization', other.bearer).send(body);
      expect(copy.status).toBe(201);
      expect(await h.tickets.countDocuments({ serialNumber: body.serialNumber })).toBe(2);
      // The same serial at another event is a different ticket.
      const elsewhere = await request(h.url)
        .post('/api/tickets/create')
        .set('Authorization', seller.bearer)
        .send({ ...body, eventId: OTHER_EVENT });
      expect(elsewhere.status).toBe(201);
    });

    it('lets exactly one of ten simultaneous listings of one serial by one seller win', async () => {
      const body = ticketBody(EVENT);
      const seller = fakeUser();
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          request(h.url).post('/api/tickets/create').set('Authorization', seller.bearer).send(body),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
      expect(await h.tickets.countDocuments({ serialNumber: body.serialNumber })).toBe(1);
    });
  });

  describe('bulk', () => {
    const rows = (n: number, eventId = EVENT) => Array.from({ length: n }, () => ticketBody(eventId));

    it('creates every row and reports each one', async () => {
      const seller = fakeUser();
      const tickets = [...rows(3), ...rows(2, OTHER_EVENT)];
      const res = await request(h.url)
        .post('/api/tickets/create')
        .set('Authorization', seller.bearer)
        .send({ tickets });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ created: 5, alreadyListed: 0, failed: 0 });
      expect(res.body.results.map((r: { index: number; status: string }) => [r.index, r.status])).toEqual(
        [0, 1, 2, 3, 4].map((i) => [i, 'created']),
      );
      expect(res.body.results[3].ticket).toMatchObject({
        eventId: OTHER_EVENT,
        userId: seller.id,
        version: 1,
        serialNumber: tickets[3].serialNumber,
      });
      expect(await h.tickets.countDocuments({ sellerId: seller.id })).toBe(5);
    });

    it('writes nothing when any row is bad, and names every bad row by index and field', async () => {
      const seller = fakeUser();
      const tickets: Record<string, unknown>[] = rows(6);
      tickets[1].price = 10.99;
      tickets[3].title = '';
      tickets[3].serialNumber = 7;
      tickets[4].eventId = UNKNOWN_EVENT_ID;
      tickets[5].serialNumber = tickets[0].serialNumber;
      const before = await count();
      const res = await request(h.url)
        .post('/api/tickets/create')
        .set('Authorization', seller.bearer)
        .send({ tickets });
      expect(res.status).toBe(400);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'tickets.1.price',
          'tickets.3.title',
          'tickets.3.serialNumber',
          'tickets.4.eventId',
          'tickets.5.serialNumber',
        ]),
      );
      expect(fields.some((f: string) => /^tickets\.[02]\./.test(f))).toBe(false);
      expect(res.body.errors[0].message).toMatch(/^tickets\.1\.price/);
      expect(await count()).toBe(before);
    });

    it('refuses a row whose userId names someone else with 403, writing nothing', async () => {
      const seller = fakeUser();
      const tickets = rows(3);
      tickets[2].userId = fakeUser().id;
      const before = await count();
      const res = await request(h.url)
        .post('/api/tickets/create')
        .set('Authorization', seller.bearer)
        .send({ tickets });
      expect(res.status).toBe(403);
      expect(res.body.errors[0].message).toMatch(/rows 2/);
      expect(await count()).toBe(before);
    });

    it.each([
      ['an empty list', { tickets: [] }],
      ['more than 1000 rows', { tickets: Array.from({ length: 1001 }, () => ({})) }],
      ['tickets that is not a list', { tickets: 'many' }],
    ])('refuses %s with 400', async (_what, body) => {
      const res = await request(h.url).post('/api/tickets/create').set('Authorization', fakeUser().bearer).send(body);
      expect(res.status).toBe(400);
    });

    it('is safe to re-run: rows already listed by the caller are reported, not created again', async () => {
      const seller = fakeUser();
      const tickets = rows(4);
      const first = await request(h.url)
        .post('/api/tickets/create')
        .set('Authorization', seller.bearer)
        .send({ tickets: tickets.slice(0, 2) });
      expect(first.body.created).toBe(2);
      const versionsBefore = await h.changes.countDocuments();
      const rerun = await request(h.url)
        .post('/api/tickets/create')
        .set('Authorization', seller.bearer)
        .send({ tickets });
      expect(rerun.status).toBe(201);
      expect(rerun.body).toMatchObject({ created: 2, alreadyListed: 2, failed: 0 });
      expect(rerun.body.results[0]).toMatchObject({
        index: 0,
        status: 'already_listed',
        ticket: { id: first.body.results[0].ticket.id },
      });
      expect(rerun.body.results[2]).toMatchObject({ index: 2, status: 'created' });
      expect(await h.tickets.countDocuments({ sellerId: seller.id })).toBe(4);
      // Only the two new tickets produced change records (and ticket.created events).
      expect(await h.changes.countDocuments()).toBe(versionsBefore + 2);
    });

    it('creates rows whose serials another seller listed, like any other row', async () => {
      const first = fakeUser();
      const second = fakeUser();
      const tickets = rows(3);
      await request(h.url).post('/api/tickets/create').set('Authorization', first.bearer).send(tickets[1]).expect(201);
      const res = await request(h.url)
        .post('/api/tickets/create')
        .set('Authorization', second.bearer)
        .send({ tickets });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ created: 3, alreadyListed: 0, failed: 0 });
      expect(res.body.results[1]).toMatchObject({ index: 1, status: 'created', ticket: { sellerId: second.id } });
    });

    it('lists 1000 rows for one event in one request with one Ticketmaster call', async () => {
      const seller = fakeUser();
      const eventId = FIXTURE_IDS.beyonceLosAngeles;
      h.tm.controls.requestLog.length = 0;
      const res = await request(h.url)
        .post('/api/tickets/create')
        .set('Authorization', seller.bearer)
        .send({ tickets: rows(1000, eventId) });
      expect(res.status).toBe(201);
      expect(res.body.created).toBe(1000);
      expect(h.tm.controls.requestLog.filter((r) => r.path.includes(eventId))).toHaveLength(1);
      expect(await h.tickets.countDocuments({ sellerId: seller.id })).toBe(1000);
    }, 60_000);
  });
});
