import { Envelope } from '@bigtix/common';
import { makeEnvelope } from '@bigtix/middleware';
import { RunningMailpit, TEST_RABBITMQ_URL, fakeUser, startMailpit, waitFor } from '@bigtix/testkit';
import amqp, { Channel, ChannelModel } from 'amqplib';
import { Types } from 'mongoose';
import request from 'supertest';
import { FIXTURE_IDS, TicketsHarness, startTickets, ticketBody } from '../support/harness';

/**
 * Tickets' emails over real RabbitMQ and SMTP (a Mailpit of this file, read through its API): the
 * receipt and "your listing sold" on `order.paid`, event notices on `event.updated`; once per fact
 * however often the event is delivered, and held back (not lost) until the address arrives.
 */
describe('tickets notifications (real RabbitMQ, real SMTP)', () => {
  let h: TicketsHarness;
  let mail: RunningMailpit;
  let conn: ChannelModel;
  let ch: Channel;
  const seller = fakeUser();

  beforeAll(async () => {
    mail = await startMailpit();
    h = await startTickets('tnotify', { SMTP_URL: mail.smtpUrl, PUBLIC_URL: 'https://bigtix.example' });
    conn = await amqp.connect(TEST_RABBITMQ_URL);
    ch = await conn.createChannel();
    await ch.assertExchange(h.iso.exchange, 'topic', { durable: true });
  });
  afterAll(async () => {
    await conn.close();
    await h.stop();
    await mail.stop();
  });

  const publish = (...envelopes: Envelope[]) => {
    for (const e of envelopes) ch.publish(h.iso.exchange, e.type, Buffer.from(JSON.stringify(e)), { persistent: true });
  };
  const registered = (u: { id: string; email: string }) =>
    makeEnvelope('user.registered', 0, 'auth', {
      userId: u.id,
      email: u.email,
      registeredAt: new Date().toISOString(),
    });
  /** Every message handed to the service has been handled, and every email it stored has been sent or given up. */
  async function drain() {
    const main = `${h.iso.queuePrefix}tickets.events`;
    await waitFor(
      async () =>
        (await ch.checkQueue(main)).messageCount === 0 && (await ch.checkQueue(`${main}.retry`)).messageCount === 0,
      { what: 'tickets queues to empty' },
    );
    await h.restart();
  }
  const subjects = async (address: string) => (await mail.messagesTo(address)).map((m) => m.Subject).sort();

  async function listTicket(eventId = FIXTURE_IDS.erasTourMetLife) {
    const res = await request(h.url)
      .post('/api/tickets/create')
      .set('Authorization', seller.bearer)
      .send(ticketBody(eventId));
    expect(res.status).toBe(201);
    return res.body as { id: string; title: string; price: number };
  }
  async function serialOf(id: string) {
    return ((await h.tickets.findOne({ _id: id as never })) as { serialNumber: string } | null)!.serialNumber;
  }
  /** A paid order of these tickets by `buyer`, with the seller fee fixed on each line as orders does. */
  function paidOrder(buyer: { id: string }, tickets: { id: string; title: string; price: number }[], eventId: string) {
    const id = new Types.ObjectId().toHexString();
    const lines = tickets.map((t) => ({
      ticketId: t.id,
      title: t.title,
      price: t.price,
      sellerId: seller.id,
      eventId,
      buyerFee: 1_250,
      sellerFee: 1_251,
    }));
    const total = lines.reduce((s, l) => s + l.price + l.buyerFee, 0);
    const base = { id, userId: buyer.id, tickets: lines, total, currency: 'usd' };
    return {
      id,
      total,
      created: makeEnvelope('order.created', 1, 'orders', {
        ...base,
        status: 'created',
        expiresAt: new Date(Date.now() + 900_000).toISOString(),
        version: 1,
      }),
      paid: makeEnvelope('order.paid', 2, 'orders', {
        ...base,
        status: 'paid',
        paymentIntentId: 'pi_test',
        version: 2,
      }),
    };
  }
  const soldTo = (ticketId: string, orderId: string) =>
    waitFor(
      async () => {
        const t = await h.tickets.findOne({ _id: ticketId as never });
        return t?.status === 'sold' && t.orderId === orderId;
      },
      { what: 'ticket sold' },
    );

  it('a redelivered order.paid sends one receipt (seats, serials, total) and one "sold" with the proceeds', async () => {
    const buyer = fakeUser();
    publish(registered(seller), registered(buyer));
    const tickets = [await listTicket(), await listTicket()];
    const order = paidOrder(buyer, tickets, FIXTURE_IDS.erasTourMetLife);
    publish(order.created);
    await waitFor(async () => (await h.tickets.findOne({ _id: tickets[0].id as never }))?.status === 'held');
    publish(order.paid, order.paid, { ...order.paid, id: 'another-delivery-id' });

    const receipt = await mail.waitForMessage(buyer.email, /Your tickets for/);
    // 2 × (12 500 + 1 250) = 27 500 cents
    expect(receipt.Text).toContain('You paid $275.00 for 2 tickets.');
    for (const t of tickets) expect(receipt.Text).toContain(`${t.title} — serial ${await serialOf(t.id)}`);
    expect(receipt.Text).toContain(`https://bigtix.example/orders/${order.id}`);
    expect(receipt.HTML).toContain(`href="https://bigtix.example/orders/${order.id}"`);

    const sold = await mail.waitForMessage(seller.email, /^Sold: 2 tickets/);
    // 2 × (12 500 − 1 251) = 22 498 cents: the seller fee fixed on each line, as payments transfers it.
    expect(sold.Text).toContain('Your proceeds: $224.98');
    expect(sold.Text).not.toContain('serial');

    await drain();
    expect((await subjects(buyer.email)).filter((s) => /Your tickets for/.test(s))).toHaveLength(1);
    expect((await subjects(seller.email)).filter((s) => /^Sold: 2 tickets/.test(s))).toHaveLength(1);
  });

  it('sells at once for a buyer whose address has not arrived, and sends the receipt once it does', async () => {
    const buyer = fakeUser();
    publish(registered(seller));
    const [ticket] = [await listTicket()];
    const order = paidOrder(buyer, [ticket], FIXTURE_IDS.erasTourMetLife);
    publish(order.created);
    await waitFor(async () => (await h.tickets.findOne({ _id: ticket.id as never }))?.status === 'held');
    publish(order.paid);
    await soldTo(ticket.id, order.id);
    await drain();
    expect(await mail.messagesTo(buyer.email)).toEqual([]);
    const pending = () => h.running.ctx.db.db!.collection('pending_notifications');
    expect(
      await pending()
        .find({ userId: buyer.id })
        .map((d) => d._id)
        .toArray(),
    ).toEqual([`receipt:${order.id}`]);

    publish(registered(buyer), registered(buyer), order.paid);
    const receipt = await mail.waitForMessage(buyer.email, /Your tickets for/);
    expect(receipt.Text).toContain(`serial ${await serialOf(ticket.id)}`);
    await drain();
    expect(await subjects(buyer.email)).toHaveLength(1);
    expect(await pending().countDocuments({ userId: buyer.id })).toBe(0);
  });

  it('tells every buyer and seller of a cancelled event once, however often event.updated comes', async () => {
    const event = FIXTURE_IDS.hamiltonNewYork;
    const buyer = fakeUser();
    const lateBuyer = fakeUser();
    publish(registered(seller), registered(buyer));
    const [bought, boughtLate, unsold] = [await listTicket(event), await listTicket(event), await listTicket(event)];
    for (const [who, t] of [
      [buyer, bought],
      [lateBuyer, boughtLate],
    ] as const) {
      const order = paidOrder(who, [t], event);
      publish(order.created);
      await waitFor(async () => (await h.tickets.findOne({ _id: t.id as never }))?.status === 'held');
      publish(order.paid);
      await soldTo(t.id, order.id);
    }
    const cancelled = makeEnvelope('event.updated', 7, 'tickets', {
      eventId: event,
      status: 'cancelled',
      start: new Date(Date.now() + 86_400_000).toISOString(),
      end: null,
      started: false,
      version: 7,
    });
    publish(cancelled, cancelled, { ...cancelled, id: 'replayed' });

    const toBuyer = await mail.waitForMessage(buyer.email, /^Cancelled: /);
    expect(toBuyer.Text).toContain('refunded in full');
    expect(toBuyer.Text).not.toContain('listings');
    const toSeller = await mail.waitForMessage(seller.email, /^Cancelled: /);
    expect(toSeller.Text).toContain('Your listings for it are withdrawn');
    await waitFor(async () => (await h.tickets.findOne({ _id: unsold.id as never }))?.status === 'withdrawn');
    // Its address arrives late: the notice waited for it.
    publish(registered(lateBuyer));
    await mail.waitForMessage(lateBuyer.email, /^Cancelled: /);

    publish(cancelled);
    await drain();
    for (const who of [buyer, lateBuyer, seller])
      expect((await subjects(who.email)).filter((s) => /^Cancelled: /.test(s))).toHaveLength(1);
  });
});
