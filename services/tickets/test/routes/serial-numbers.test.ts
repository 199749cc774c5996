/**
 * Serial numbers cannot be probed or squatted across sellers: a listing's answer is the same
 * whatever other sellers hold, a second seller's copy never blocks anyone, and the first sale
 * settles the copies (the others are withdrawn). A sold ticket's public views never name its buyer.
 * Over real HTTP and RabbitMQ (order events published as orders would).
 */
import { makeEnvelope } from '@bigtix/middleware';
import { TEST_RABBITMQ_URL, fakeUser, waitFor } from '@bigtix/testkit';
import amqp, { Channel, ChannelModel } from 'amqplib';
import { Types } from 'mongoose';
import request from 'supertest';
import { FIXTURE_IDS, TicketsHarness, startTickets, ticketBody } from '../support/harness';

const EVENT = FIXTURE_IDS.erasTourMetLife;
type User = ReturnType<typeof fakeUser>;
type Ticket = { id: string; title: string; price: number; serialNumber?: string };

let h: TicketsHarness;
let conn: ChannelModel;
let ch: Channel;

beforeAll(async () => {
  h = await startTickets('tserial');
  conn = await amqp.connect(TEST_RABBITMQ_URL);
  ch = await conn.createChannel();
  await ch.assertExchange(h.iso.exchange, 'topic', { durable: true });
});
afterAll(async () => {
  await conn?.close();
  await h?.stop();
});

const list = (seller: User, body: Record<string, unknown>) =>
  request(h.url).post('/api/tickets/create').set('Authorization', seller.bearer).send(body);
const stored = async (id: string) => (await h.tickets.findOne({ _id: id as never }))!;
const lines = (tickets: Ticket[]) => tickets.map((t) => ({ ticketId: t.id, title: t.title, price: t.price }));
const publish = (type: string, version: number, data: Record<string, unknown>) => {
  const e = makeEnvelope(type, version, 'orders', data);
  ch.publish(h.iso.exchange, e.type, Buffer.from(JSON.stringify(e)), { persistent: true });
};
function hold(orderId: string, buyer: User, tickets: Ticket[]) {
  publish('order.created', 1, {
    id: orderId,
    userId: buyer.id,
    status: 'created',
    expiresAt: new Date(Date.now() + 900_000).toISOString(),
    tickets: lines(tickets),
    total: tickets.reduce((s, t) => s + t.price, 0),
    currency: 'usd',
    version: 1,
  });
}
function pay(orderId: string, buyer: User, tickets: Ticket[]) {
  publish('order.paid', 3, {
    id: orderId,
    userId: buyer.id,
    status: 'paid',
    tickets: lines(tickets),
    total: tickets.reduce((s, t) => s + t.price, 0),
    currency: 'usd',
    paymentIntentId: 'pi_test',
    version: 3,
  });
}
function cancel(orderId: string, buyer: User, tickets: Ticket[]) {
  publish('order.cancelled', 2, {
    id: orderId,
    userId: buyer.id,
    status: 'cancelled',
    reason: 'cancelled',
    tickets: lines(tickets),
    version: 2,
  });
}
const until = (id: string, match: (t: Record<string, unknown>) => boolean, what: string) =>
  waitFor(async () => match(await stored(id)), { what, timeoutMs: 15_000 });
const newOrderId = () => new Types.ObjectId().toHexString();

/** The parts of a listing answer that could depend on anything but the caller's own input. */
const shape = (res: request.Response) => ({
  status: res.status,
  keys: Object.keys(res.body).sort(),
  ticketStatus: res.body.status,
  version: res.body.version,
  owner: res.body.userId,
});

describe('an existing database', () => {
  // First, while the database is empty: the old index could not be built over two sellers' copies.
  it('loses the cross-seller unique index of earlier versions at start', async () => {
    await h.tickets.createIndex({ eventId: 1, serialNumber: 1 }, { unique: true, name: 'eventId_1_serialNumber_1' });
    await h.restart();
    const names = (await h.tickets.indexes()).map((i) => i.name);
    expect(names).not.toContain('eventId_1_serialNumber_1');
    expect(names).toContain('eventId_1_sellerId_1_serialNumber_1');
  });
});

describe('probing', () => {
  it('answers a serial another seller listed exactly as a serial nobody listed', async () => {
    const owner = fakeUser();
    const prober = fakeUser();
    const taken = ticketBody(EVENT);
    await list(owner, taken).expect(201);
    const fresh = ticketBody(EVENT);
    const [onTaken, onFresh] = [await list(prober, taken), await list(prober, fresh)];
    expect(shape(onTaken)).toEqual(shape(onFresh));
    expect(shape(onTaken)).toEqual({
      status: 201,
      keys: shape(onFresh).keys,
      ticketStatus: 'available',
      version: 1,
      owner: prober.id,
    });
    // In bulk too: both rows are plain `created`.
    const bulk = await list(prober, { tickets: [ticketBody(EVENT, { serialNumber: `${taken.serialNumber}-B` })] });
    await list(owner, { tickets: [ticketBody(EVENT, { serialNumber: `${taken.serialNumber}-B` })] }).expect(201);
    const bulkOther = await list(fakeUser(), {
      tickets: [ticketBody(EVENT, { serialNumber: `${taken.serialNumber}-B` }), ticketBody(EVENT)],
    });
    expect(bulk.body.results[0].status).toBe('created');
    expect(bulkOther.body).toMatchObject({ created: 2, alreadyListed: 0, failed: 0 });
  });

  it('looking a serial up answers the same 404 for another seller’s serial and an unknown one', async () => {
    const owner = fakeUser();
    const stranger = fakeUser();
    const body = ticketBody(EVENT);
    await list(owner, body).expect(201);
    const known = await request(h.url)
      .get(`/api/tickets/serial-number/${body.serialNumber}`)
      .set('Authorization', stranger.bearer);
    const unknown = await request(h.url)
      .get(`/api/tickets/serial-number/${body.serialNumber}-nobody`)
      .set('Authorization', stranger.bearer);
    expect([known.status, known.body]).toEqual([unknown.status, unknown.body]);
    expect(known.status).toBe(404);
  });
});

describe('squatting and settling at sale time', () => {
  it('a squatter who listed first does not block the real owner, and the sale withdraws the copy', async () => {
    const squatter = fakeUser();
    const owner = fakeUser();
    const buyer = fakeUser();
    const body = ticketBody(EVENT);
    const squat: Ticket = (await list(squatter, body).expect(201)).body;
    const real: Ticket = (await list(owner, body).expect(201)).body;
    expect(real).toMatchObject({ status: 'available', serialNumber: body.serialNumber, userId: owner.id });
    const forSale = await request(h.url).get(`/api/tickets/event/${EVENT}?limit=100`);
    expect(forSale.body.items.map((t: Ticket) => t.id)).toEqual(expect.arrayContaining([squat.id, real.id]));

    const order = newOrderId();
    hold(order, buyer, [real]);
    await until(real.id, (t) => t.status === 'held', 'the real ticket held');
    pay(order, buyer, [real]);
    await until(real.id, (t) => t.status === 'sold', 'the real ticket sold');
    await until(squat.id, (t) => t.status === 'withdrawn', 'the copy withdrawn by the sale');
    // The squatter cannot bring the copy back: the serial has been sold at this event.
    const again = await list(squatter, body);
    expect(again.status).toBe(409);
    expect((await stored(squat.id)).status).toBe('withdrawn');
    // The seller of a copy nobody sold relists as before.
    const other = ticketBody(EVENT);
    const mine: Ticket = (await list(owner, other).expect(201)).body;
    await request(h.url).delete(`/api/tickets/${mine.id}`).set('Authorization', owner.bearer).expect(200);
    expect((await list(owner, other)).body).toMatchObject({ id: mine.id, status: 'available' });
  });

  it('a copy held by another order at the sale comes back withdrawn when that hold ends', async () => {
    const a = fakeUser();
    const b = fakeUser();
    const buyer = fakeUser();
    const other = fakeUser();
    const body = ticketBody(EVENT);
    const first: Ticket = (await list(a, body).expect(201)).body;
    const second: Ticket = (await list(b, body).expect(201)).body;
    const [sale, rival] = [newOrderId(), newOrderId()];
    hold(sale, buyer, [first]);
    hold(rival, other, [second]);
    await until(first.id, (t) => t.status === 'held', 'first held');
    await until(second.id, (t) => t.status === 'held', 'second held');
    pay(sale, buyer, [first]);
    await until(second.id, (t) => t.withdrawRequested === true, 'the held copy marked for withdrawal');
    expect(await stored(second.id)).toMatchObject({ status: 'held', orderId: rival });
    cancel(rival, other, [second]);
    await until(second.id, (t) => t.status === 'withdrawn', 'the copy withdrawn once its hold ended');
  });

  it('settles the same way when order.paid is delivered twice', async () => {
    const a = fakeUser();
    const b = fakeUser();
    const buyer = fakeUser();
    const body = ticketBody(EVENT);
    const sold: Ticket = (await list(a, body).expect(201)).body;
    const copy: Ticket = (await list(b, body).expect(201)).body;
    const order = newOrderId();
    hold(order, buyer, [sold]);
    await until(sold.id, (t) => t.status === 'held', 'held');
    pay(order, buyer, [sold]);
    pay(order, buyer, [sold]);
    await until(copy.id, (t) => t.status === 'withdrawn', 'copy withdrawn');
    await waitFor(async () => (await h.changes.countDocuments({ aggregateId: copy.id })) === 2, {
      what: 'one withdrawal of the copy',
    });
    expect((await stored(copy.id)).version).toBe(2);
  });
});

describe('a sold ticket in public', () => {
  it('never carries the buyer’s id, except to the buyer', async () => {
    const seller = fakeUser();
    const buyer = fakeUser();
    const stranger = fakeUser();
    const t: Ticket = (await list(seller, ticketBody(EVENT)).expect(201)).body;
    const order = newOrderId();
    hold(order, buyer, [t]);
    await until(t.id, (x) => x.status === 'held', 'held');
    pay(order, buyer, [t]);
    await until(t.id, (x) => x.status === 'sold', 'sold');

    const views = [
      await request(h.url).get(`/api/tickets/${t.id}`),
      await request(h.url).get(`/api/tickets/${t.id}`).set('Authorization', stranger.bearer),
      await request(h.url).get(`/api/tickets/${t.id}`).set('Authorization', seller.bearer),
      await request(h.url).get(`/api/tickets/user/${seller.id}`),
      await request(h.url).get(`/api/tickets/user/${seller.id}`).set('Authorization', seller.bearer),
    ];
    for (const v of views) {
      expect(v.status).toBe(200);
      expect(JSON.stringify(v.body)).not.toContain(buyer.id);
    }
    expect(views[0].body).toMatchObject({ status: 'sold', userId: seller.id, sellerId: seller.id });
    expect(views[0].body).not.toHaveProperty('serialNumber');
    const mine = await request(h.url).get(`/api/tickets/${t.id}`).set('Authorization', buyer.bearer);
    expect(mine.body).toMatchObject({ userId: buyer.id, serialNumber: expect.any(String) });
  });
});
