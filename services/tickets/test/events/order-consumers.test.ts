import { Envelope, TicketEventData } from '@bigtix/common';
import { makeEnvelope } from '@bigtix/middleware';
import { TEST_RABBITMQ_URL, fakeUser, waitFor } from '@bigtix/testkit';
import amqp, { Channel, ChannelModel } from 'amqplib';
import { Types } from 'mongoose';
import request from 'supertest';
import { FIXTURE_IDS, TicketsHarness, startTickets, ticketBody } from '../support/harness';

type Ticket = { id: string; title: string; price: number };

describe('order events (real RabbitMQ)', () => {
  let h: TicketsHarness;
  let conn: ChannelModel;
  let ch: Channel;
  const published: Envelope<TicketEventData>[] = [];
  const seller = fakeUser();
  const buyer = fakeUser();

  beforeAll(async () => {
    h = await startTickets('tconsume');
    conn = await amqp.connect(TEST_RABBITMQ_URL);
    ch = await conn.createChannel();
    await ch.assertExchange(h.iso.exchange, 'topic', { durable: true });
    // Our own queue, as the orders service would have, to see what tickets publishes.
    const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true });
    await ch.bindQueue(queue, h.iso.exchange, 'ticket.*');
    await ch.consume(
      queue,
      (msg) => {
        if (msg) published.push(JSON.parse(msg.content.toString()));
      },
      { noAck: true },
    );
  });
  afterAll(async () => {
    await conn.close();
    await h.stop();
  });

  async function listTicket(): Promise<Ticket> {
    const res = await request(h.url)
      .post('/api/tickets/create')
      .set('Authorization', seller.bearer)
      .send(ticketBody(FIXTURE_IDS.erasTourMetLife));
    expect(res.status).toBe(201);
    return res.body;
  }
  const orderId = () => new Types.ObjectId().toHexString();
  const lines = (tickets: Ticket[]) => tickets.map((t) => ({ ticketId: t.id, title: t.title, price: t.price }));
  const created = (id: string, tickets: Ticket[]) =>
    makeEnvelope('order.created', 1, 'orders', {
      id,
      userId: buyer.id,
      status: 'created',
      expiresAt: new Date(Date.now() + 900_000).toISOString(),
      tickets: lines(tickets),
      total: tickets.reduce((s, t) => s + t.price, 0),
      currency: 'usd',
      version: 1,
    });
  const cancelled = (id: string, tickets: Ticket[]) =>
    makeEnvelope('order.cancelled', 2, 'orders', {
      id,
      userId: buyer.id,
      status: 'cancelled',
      reason: 'cancelled',
      tickets: lines(tickets),
      version: 2,
    });
  const paid = (id: string, tickets: Ticket[]) =>
    makeEnvelope('order.paid', 3, 'orders', {
      id,
      userId: buyer.id,
      status: 'paid',
      tickets: lines(tickets),
      total: tickets.reduce((s, t) => s + t.price, 0),
      currency: 'usd',
      paymentIntentId: 'pi_test',
      version: 3,
    });
  const publish = (...envelopes: Envelope[]) => {
    for (const e of envelopes) ch.publish(h.iso.exchange, e.type, Buffer.from(JSON.stringify(e)), { persistent: true });
  };
  const stored = async (id: string) => (await h.tickets.findOne({ _id: id as never }))!;
  const until = (id: string, match: (t: Record<string, unknown>) => boolean, what: string) =>
    waitFor(
      async () => {
        const t = await stored(id);
        return match(t) ? t : false;
      },
      { what, timeoutMs: 15_000 },
    );
  /** Every message handed to the service has been handled: queues empty, then a stop that waits for in-flight handlers. */
  async function drain() {
    const main = `${h.iso.queuePrefix}tickets.events`;
    await waitFor(
      async () =>
        (await ch.checkQueue(main)).messageCount === 0 && (await ch.checkQueue(`${main}.retry`)).messageCount === 0,
      {
        what: 'tickets queues to empty',
      },
    );
    await h.restart();
  }
  const versions = async (id: string) =>
    (await h.changes.find({ aggregateId: id }).sort({ version: 1 }).toArray()).map((c) => c.version);

  it('holds a ticket for order.created and announces it in ticket.updated', async () => {
    const t = await listTicket();
    const order = orderId();
    publish(created(order, [t]));
    await until(t.id, (x) => x.status === 'held', 'ticket held');
    expect(await stored(t.id)).toMatchObject({ status: 'held', orderId: order, version: 2 });
    const event = await waitFor(
      () => published.find((e) => e.type === 'ticket.updated' && e.data.id === t.id && e.version === 2),
      { what: 'ticket.updated' },
    );
    expect(event.data).toMatchObject({ id: t.id, status: 'held', orderId: order, version: 2, userId: seller.id });
    expect(event.data).not.toHaveProperty('serialNumber');
    expect(published.find((e) => e.type === 'ticket.created' && e.data.id === t.id)?.version).toBe(1);
  });

  it('absorbs duplicate order.created (same and new event ids)', async () => {
    const t = await listTicket();
    const order = orderId();
    const once = created(order, [t]);
    publish(once, once, { ...once, id: 'another-event-id' });
    await until(t.id, (x) => x.status === 'held', 'ticket held');
    await drain();
    expect(await stored(t.id)).toMatchObject({ status: 'held', orderId: order, version: 2 });
    expect(await versions(t.id)).toEqual([1, 2]);
  });

  it('releases on order.cancelled only for the order holding the ticket, and duplicates change nothing', async () => {
    const t = await listTicket();
    const a = orderId();
    const b = orderId();
    publish(created(a, [t]));
    await until(t.id, (x) => x.orderId === a, 'held by A');
    publish(cancelled(a, [t]), cancelled(a, [t]));
    await until(t.id, (x) => x.status === 'available', 'released');
    publish(created(b, [t]));
    await until(t.id, (x) => x.orderId === b, 'held by B');
    // A late (re)delivery of A's cancel must not free B's hold.
    publish(cancelled(a, [t]));
    await drain();
    expect(await stored(t.id)).toMatchObject({ status: 'held', orderId: b });
    expect(await versions(t.id)).toEqual([1, 2, 3, 4]);
  });

  it('never holds a ticket for an order whose cancel arrived before its create', async () => {
    const t = await listTicket();
    const order = orderId();
    publish(cancelled(order, [t]));
    await waitFor(
      async () => (await h.running.ctx.db.db!.collection('closed_orders').findOne({ _id: order as never })) !== null,
      { what: 'cancel seen' },
    );
    publish(created(order, [t]));
    await drain();
    expect(await stored(t.id)).toMatchObject({ status: 'available', orderId: null, version: 1 });
  });

  it('ends available whichever order a racing create and cancel of one order are handled in', async () => {
    const tickets = [await listTicket(), await listTicket(), await listTicket()];
    for (let i = 0; i < 10; i++) {
      const order = orderId();
      publish(created(order, tickets), cancelled(order, tickets));
    }
    await drain();
    for (const t of tickets) expect(await stored(t.id)).toMatchObject({ status: 'available', orderId: null });
  });

  it('sells on order.paid: the buyer owns it, the seller is kept, and late events change nothing', async () => {
    const t = await listTicket();
    const order = orderId();
    publish(created(order, [t]));
    await until(t.id, (x) => x.status === 'held', 'held');
    publish(paid(order, [t]));
    await until(t.id, (x) => x.status === 'sold', 'sold');
    publish(paid(order, [t]), cancelled(order, [t]), created(order, [t]), created(orderId(), [t]));
    await drain();
    expect(await stored(t.id)).toMatchObject({
      status: 'sold',
      userId: buyer.id,
      sellerId: seller.id,
      orderId: order,
      version: 3,
    });
    // The serial now belongs to the buyer.
    const forBuyer = await request(h.url).get(`/api/tickets/${t.id}`).set('Authorization', buyer.bearer);
    expect(forBuyer.body.serialNumber).toEqual(expect.any(String));
    const forSeller = await request(h.url).get(`/api/tickets/${t.id}`).set('Authorization', seller.bearer);
    expect(forSeller.body.serialNumber).toBeUndefined();
    const event = await waitFor(() => published.find((e) => e.data.id === t.id && e.data.status === 'sold'), {
      what: 'sold event',
    });
    expect(event.data).toMatchObject({ userId: buyer.id, orderId: order, version: 3 });
  });

  it('sells when order.paid arrives before order.created', async () => {
    const t = await listTicket();
    const order = orderId();
    publish(paid(order, [t]));
    await until(t.id, (x) => x.status === 'sold', 'sold');
    publish(created(order, [t]));
    await drain();
    expect(await stored(t.id)).toMatchObject({ status: 'sold', userId: buyer.id, orderId: order, version: 2 });
  });

  it('holds a ticket the seller delisted just before order.created arrived, and withdraws it again when the order is cancelled', async () => {
    const t = await listTicket();
    await request(h.url).delete(`/api/tickets/${t.id}`).set('Authorization', seller.bearer).expect(200);
    const order = orderId();
    publish(created(order, [t]));
    await until(t.id, (x) => x.status === 'held', 'held');
    expect(await stored(t.id)).toMatchObject({ status: 'held', orderId: order, withdrawRequested: true, version: 3 });
    publish(cancelled(order, [t]));
    await until(t.id, (x) => x.status === 'withdrawn', 'withdrawn again');
    expect(await stored(t.id)).toMatchObject({ orderId: null, withdrawRequested: false, version: 4 });
  });

  it('sells a ticket the seller delisted while its order was being paid, at the price the buyer paid', async () => {
    const t = await listTicket();
    await request(h.url)
      .put('/api/tickets')
      .set('Authorization', seller.bearer)
      .send({ id: t.id, price: t.price + 500 })
      .expect(200);
    await request(h.url).delete(`/api/tickets/${t.id}`).set('Authorization', seller.bearer).expect(200);
    const order = orderId();
    publish(paid(order, [t]));
    await until(t.id, (x) => x.status === 'sold', 'sold');
    expect(await stored(t.id)).toMatchObject({ userId: buyer.id, orderId: order, price: t.price });
  });

  it('waits for the older order to be released before holding a ticket for the next order', async () => {
    const t = await listTicket();
    const first = orderId();
    const second = orderId();
    publish(created(first, [t]));
    await until(t.id, (x) => x.status === 'held' && x.orderId === first, 'held by the first order');
    // Orders released the first hold and gave the ticket to the second order; tickets hears of
    // the second order before the first one's cancel.
    publish(created(second, [t]));
    publish(cancelled(first, [t]));
    await until(t.id, (x) => x.status === 'held' && x.orderId === second, 'held by the second order');
    await drain();
    expect(await stored(t.id)).toMatchObject({ status: 'held', orderId: second });
  });
});
