/**
 * The buyer guarantee, end to end over real HTTP and RabbitMQ with three tickets replicas (each
 * syncing event statuses from the fake Ticketmaster) and two orders and payments replicas: an
 * event cancelled in Ticketmaster withdraws its listings, cancels its unpaid orders and refunds
 * every paid order in full (fee included; reversing a transfer already sent), once, however often
 * the sync and its events are replayed. An event that starts can no longer be bought; a postponed
 * one keeps its tickets and its sellers wait.
 */
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import { RunningService, startService } from '@bigtix/middleware';
import { waitFor } from '@bigtix/testkit';
import Stripe from 'stripe';
import { ledgerCollection } from '@bigtix/payments-service/src/models/ledger';
import { paymentsService } from '@bigtix/payments-service/src/service';
import { ordersService } from '@bigtix/orders-service/src/service';
import { ticketsService } from '@bigtix/tickets-service/src/service';
import { Person, newPerson } from '../../src/api-client';
import { onboardSeller, saleOf } from '../../src/get-paid';
import { Stack, startStack } from '../../src/stack';

jest.setTimeout(180_000);

const ENV = {
  EVENT_SYNC_SECONDS: '1',
  EVENT_SYNC_MIN_SECONDS: '1',
  PAYOUT_DELAY_SECONDS: '1',
  PAYOUT_SWEEP_MS: '150',
  PAYOUT_EVENT_CACHE_MS: '0',
};
const DAY = 24 * 3600 * 1000;

let stack: Stack;
const replicas: RunningService[] = [];
let stripe: Stripe;

beforeAll(async () => {
  stack = await startStack({ env: ENV });
  // Replicas on the same databases and queues: they sync the same events and compete for every message.
  for (const spec of [ticketsService, ticketsService, ordersService, paymentsService]) {
    replicas.push(await startService(spec, stack.env(spec.name)));
  }
  stripe = new Stripe('sk_test_e2e', stack.stripe.stripeClientOptions);
}, 90_000);
afterAll(async () => {
  for (const r of replicas) await r.stop().catch(() => undefined);
  await stack?.stop();
});

async function control(eventId: string, body: object) {
  const res = await fetch(`${stack.ticketmaster.url}/__control/events/${eventId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}
const startAt = (eventId: string, at: number) => control(eventId, { dates: { start: new Date(at).toISOString() } });

let serial = 0;
async function listTicket(seller: Person, eventId: string, price: number) {
  const res = await seller.call('POST', '/api/tickets/create', {
    title: `Row ${++serial}`,
    price,
    description: 'Aisle',
    serialNumber: `LIFE-${stack.iso.id}-${serial}`,
    eventId,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; price: number };
}

async function hold(buyer: Person, ticket: { id: string; price: number }) {
  return waitFor(
    async () => {
      const res = await buyer.call('POST', '/api/orders', { tickets: [{ ticketId: ticket.id, price: ticket.price }] });
      if (res.status === 201) return res.body as { id: string; total: number; subtotal: number };
      if (res.status !== 409 && res.status !== 404) throw new Error(`hold: ${res.status} ${JSON.stringify(res.body)}`);
      return undefined;
    },
    { what: 'ticket holdable' },
  );
}

async function buy(buyer: Person, ticket: { id: string; price: number }) {
  const order = await hold(buyer, ticket);
  const token = (await stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_visa' })).id;
  const paid = await buyer.call('POST', '/api/payments/new', {
    orderId: order.id,
    amount: order.total,
    confirmationTokenId: token,
  });
  expect(paid.status).toBe(201);
  await waitFor(async () => (await buyer.call('GET', `/api/orders/${order.id}`)).body.status === 'paid', {
    what: 'order paid',
  });
  const intent = (await stripe.paymentIntents.list({ limit: 100 })).data.find(
    (pi) => pi.metadata.orderId === order.id && pi.status === 'succeeded',
  )!;
  return { buyer, order, intent };
}

const onboard = (seller: Person) => onboardSeller(stack, seller);

async function ledgerOf(orderId: string) {
  const entries = await ledgerCollection(stack.services.payments.ctx.db).find({ orderId }).toArray();
  const postings = entries.flatMap((e) => e.postings as { account: string; amount: number }[]);
  return { kinds: entries.map((e) => e.kind as string).sort(), sum: postings.reduce((s, p) => s + p.amount, 0) };
}

const refundsOf = async (intentId: string) =>
  (await stripe.refunds.list({ payment_intent: intentId, limit: 100 })).data;
const ticketOf = async (p: Person, id: string) => (await p.call('GET', `/api/tickets/${id}`)).body;

/** Everything the cancellation decided, to compare before and after a replay. */
async function snapshot(eventId: string, orderIds: string[], ticketIds: string[], intents: string[]) {
  const orders = stack.services.orders.ctx.db.db!;
  const tickets = stack.services.tickets.ctx.db.db!;
  return {
    refunds: await Promise.all(intents.map(async (id) => (await refundsOf(id)).map((r) => [r.id, r.amount]))),
    reversals: (await stripe.transfers.list({ limit: 100 })).data.map((t) => [t.id, t.amount_reversed]),
    ledger: await Promise.all(orderIds.map(ledgerOf)),
    orderVersions: await Promise.all(
      orderIds.map(async (id) => (await orders.collection('orders').findOne({ _id: id as never }))?.version),
    ),
    refundRequests: await orders.collection('event_refunds').countDocuments({ eventId }),
    ticketVersions: await Promise.all(
      ticketIds.map(async (id) => (await tickets.collection('tickets').findOne({ _id: id as never }))?.version),
    ),
    event: await tickets.collection('event_statuses').findOne({ _id: eventId as never }),
  };
}

/** Every email the services stored has been sent, and none waits for an address. */
async function mailSettled() {
  await waitFor(
    async () => {
      for (const service of ['tickets', 'payments'] as const) {
        const db = stack.services[service].ctx.db.db!;
        if ((await db.collection('emails').countDocuments({ pending: 1 })) > 0) return false;
        if ((await db.collection('pending_notifications').countDocuments({})) > 0) return false;
      }
      return true;
    },
    { what: 'every stored email sent' },
  );
}
/** Subject → how many emails with it each person got, read from Mailpit. */
async function mailboxes(people: Person[]) {
  const boxes: Record<string, Record<string, number>> = {};
  for (const p of people) {
    const counts: Record<string, number> = {};
    for (const m of await stack.mail.messagesTo(p.email)) counts[m.Subject] = (counts[m.Subject] ?? 0) + 1;
    boxes[p.email] = counts;
  }
  return boxes;
}
const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

it('cancelled: 3 paid orders refunded in full (one reversed), 2 unpaid cancelled, 5 listings withdrawn, once', async () => {
  const event = FIXTURE_IDS.erasTourMetLife;
  const seller = await newPerson(stack.url, 'seller');
  await onboard(seller);

  // The first sale is paid out: the event "ends", the transfer goes, then the date moves on again.
  const first = await buy(await newPerson(stack.url, 'buyer'), await listTicket(seller, event, 10_000));
  await startAt(event, Date.now() - 3_600_000);
  await saleOf(seller, first.order.id, 'paid');
  const later = new Date(Date.now() + 30 * DAY);
  later.setUTCMilliseconds(0);
  await startAt(event, later.getTime());
  await waitFor(
    async () =>
      (await first.buyer.call('GET', `/api/orders/${first.order.id}`)).body.event?.start === later.toISOString(),
    { what: 'orders heard the new date' },
  );

  const paid = [first];
  for (const price of [8_000, 6_005]) {
    paid.push(await buy(await newPerson(stack.url, 'buyer'), await listTicket(seller, event, price)));
  }
  const unpaidBuyers = [await newPerson(stack.url, 'holder'), await newPerson(stack.url, 'holder')];
  const unpaidTickets = [await listTicket(seller, event, 5_000), await listTicket(seller, event, 5_100)];
  const unpaid = [await hold(unpaidBuyers[0], unpaidTickets[0]), await hold(unpaidBuyers[1], unpaidTickets[1])];
  const available = [];
  for (let i = 0; i < 5; i++) available.push(await listTicket(seller, event, 4_000 + i));

  await control(event, { status: 'cancelled' });

  // Every paid order: one full refund of the whole charge (price + buyer fee).
  for (const { buyer, order, intent } of paid) {
    const seen = await waitFor(
      async () => {
        const o = (await buyer.call('GET', `/api/orders/${order.id}`)).body;
        return o.refund && o.event?.status === 'cancelled' ? o : undefined;
      },
      { what: 'refund shown on the order' },
    );
    expect(seen.refund).toMatchObject({ status: 'requested', amount: order.total, reason: 'event-cancelled' });
    expect(order.total).toBeGreaterThan(order.subtotal);
    const refunds = await waitFor(async () => {
      const r = await refundsOf(intent.id);
      return r.length > 0 ? r : undefined;
    });
    expect(refunds.map((r) => r.amount)).toEqual([intent.amount]);
    const books = await waitFor(async () => {
      const b = await ledgerOf(order.id);
      return b.kinds.includes('refund') ? b : undefined;
    });
    expect(books.sum).toBe(0);
  }
  // The one already paid out: its transfer is reversed, once.
  await saleOf(seller, first.order.id, 'reversed');
  await waitFor(async () => (await ledgerOf(first.order.id)).kinds.join() === 'refund,reversal,sale,transfer');
  for (const p of paid.slice(1)) expect((await ledgerOf(p.order.id)).kinds).toEqual(['refund', 'sale']);
  expect((await stripe.transfers.list({ transfer_group: `order_${paid[1].order.id}` })).data).toEqual([]);

  // Unpaid orders are cancelled, their holds released, their tickets withdrawn.
  for (const [i, order] of unpaid.entries()) {
    await waitFor(
      async () => (await unpaidBuyers[i].call('GET', `/api/orders/${order.id}`)).body.status === 'cancelled',
      {
        what: 'unpaid order cancelled',
      },
    );
  }
  for (const t of [...available, ...unpaidTickets]) {
    await waitFor(async () => (await ticketOf(seller, t.id)).status === 'withdrawn', { what: 'listing withdrawn' });
    expect(await ticketOf(seller, t.id)).toMatchObject({ status: 'withdrawn', withdrawnReason: 'event-cancelled' });
  }
  const mine = (await seller.call('GET', `/api/tickets/user/${seller.id}?status=withdrawn`)).body.items;
  expect(mine.filter((t: { withdrawnReason?: string }) => t.withdrawnReason === 'event-cancelled')).toHaveLength(7);
  expect((await seller.call('GET', `/api/events/${event}`)).body.status).toBe('cancelled');
  // A cancelled event's listings cannot be bought, and nothing more can be listed for it.
  expect(
    (await paid[0].buyer.call('POST', '/api/orders', { tickets: [{ ticketId: available[0].id, price: 4_000 }] }))
      .status,
  ).toBe(409);

  // Three tickets replicas read every change; each change was stored, and announced, once: no two
  // consecutive versions of the event say the same thing, and one says "cancelled".
  const changes = await stack.services.tickets.ctx.db
    .db!.collection('event_status_changes')
    .find({ aggregateId: event })
    .sort({ version: 1 })
    .toArray();
  const states = changes.map((c) => JSON.stringify([c.state.status, c.state.start, c.state.end, c.state.started]));
  expect(changes.map((c) => c.version)).toEqual(changes.map((_, i) => i + 1));
  expect(states.filter((st, i) => i > 0 && st === states[i - 1])).toEqual([]);
  expect(changes.filter((c) => c.state.status === 'cancelled')).toHaveLength(1);
  expect(changes.every((c) => c.events.length === 1 && c.events[0].type === 'event.updated')).toBe(true);

  // Email, once per fact: each paid buyer got the receipt, a refund notice for exactly what was
  // charged and "event cancelled"; the seller "event cancelled" too (and "sold" per order, and
  // "payout sent" for the one paid out). Holders of unpaid orders bought nothing: no notice.
  for (const { buyer, order } of paid) {
    const refund = await stack.mail.waitForMessage(
      buyer.email,
      new RegExp(`^Refund of \\${dollars(order.total)} `),
      30_000,
    );
    expect(refund.Text).toContain(`Your order ${order.id} has been refunded in full: ${dollars(order.total)}`);
    expect(refund.Text).toContain(`/orders/${order.id}`);
    const notice = await stack.mail.waitForMessage(buyer.email, /^Cancelled: /, 30_000);
    expect(notice.Text).toContain('refunded in full');
    const receipt = await stack.mail.waitForMessage(buyer.email, /^Your tickets for /);
    expect(receipt.Text).toContain(`You paid ${dollars(order.total)} for 1 ticket.`);
    expect(receipt.Text).toMatch(/ — serial LIFE-/);
  }
  const toSeller = await stack.mail.waitForMessage(seller.email, /^Cancelled: /, 30_000);
  expect(toSeller.Text).toContain('Your listings for it are withdrawn');
  await stack.mail.waitForMessage(seller.email, /^Payout sent: \$90\.00$/);
  await mailSettled();
  const people = [seller, ...paid.map((p) => p.buyer), ...unpaidBuyers];
  const mailBefore = await mailboxes(people);
  for (const { buyer } of paid) {
    const box = mailBefore[buyer.email];
    for (const kind of [/^Your tickets for /, /^Refund of /, /^Cancelled: /])
      expect([
        String(kind),
        Object.entries(box)
          .filter(([subject]) => kind.test(subject))
          .map(([, n]) => n),
      ]).toEqual([String(kind), [1]]);
  }
  const cancelledSubject = Object.keys(mailBefore[seller.email]).find((subject) => subject.startsWith('Cancelled: '))!;
  expect(mailBefore[seller.email][cancelledSubject]).toBe(1);
  expect(mailBefore[seller.email]).toMatchObject({ 'Payout sent: $90.00': 1 });
  for (const holder of unpaidBuyers) expect(Object.keys(mailBefore[holder.email])).not.toContain(cancelledSubject);

  // Replay: every event.updated and refund request goes out again, and the sync keeps reading.
  const orderIds = [...paid.map((p) => p.order.id), ...unpaid.map((o) => o.id)];
  const ticketIds = [...available, ...unpaidTickets].map((t) => t.id);
  const intents = paid.map((p) => p.intent.id);
  const before = await snapshot(event, orderIds, ticketIds, intents);
  for (const [db, name] of [
    [stack.services.tickets.ctx.db.db!, 'event_status_changes'],
    [stack.services.orders.ctx.db.db!, 'event_refunds'],
  ] as const) {
    await db.collection(name).updateMany({}, { $set: { pending: 1, publishedAt: null } });
  }
  await waitFor(
    async () =>
      (await stack.services.tickets.ctx.db.db!.collection('event_status_changes').countDocuments({ pending: 1 })) +
        (await stack.services.orders.ctx.db.db!.collection('event_refunds').countDocuments({ pending: 1 })) ===
      0,
    { what: 'replayed records published again' },
  );
  // A later cancellation through the same queues: once it is refunded, the replay was consumed too.
  const sentinelEvent = FIXTURE_IDS.acdcAndFriends;
  const sentinel = await buy(await newPerson(stack.url, 'buyer'), await listTicket(seller, sentinelEvent, 3_000));
  await control(sentinelEvent, { status: 'cancelled' });
  await waitFor(async () => (await ledgerOf(sentinel.order.id)).kinds.includes('refund'), {
    what: 'sentinel refunded',
  });
  expect(await snapshot(event, orderIds, ticketIds, intents)).toEqual(before);
  // ...and sent no email twice: everyone's mailbox is as it was, but for the sentinel's own mail.
  await stack.mail.waitForMessage(sentinel.buyer.email, /^Refund of \$33\.00 /, 30_000);
  await stack.mail.waitForMessage(sentinel.buyer.email, /^Cancelled: /, 30_000);
  await mailSettled();
  const mailAfter = await mailboxes(people);
  for (const p of people) {
    const sameSubjects = Object.fromEntries(Object.keys(mailBefore[p.email]).map((s) => [s, mailAfter[p.email][s]]));
    expect([p.email, sameSubjects]).toEqual([p.email, mailBefore[p.email]]);
  }
  for (const p of people.slice(1)) expect(mailAfter[p.email]).toEqual(mailBefore[p.email]);
});

it('started: its listings can no longer be bought (409), are withdrawn as expired, and holds are released', async () => {
  const event = FIXTURE_IDS.hamiltonNewYork;
  const seller = await newPerson(stack.url, 'seller');
  const buyer = await newPerson(stack.url, 'buyer');
  const [held, free] = [await listTicket(seller, event, 7_000), await listTicket(seller, event, 7_500)];
  const order = await hold(buyer, held);
  await waitFor(async () => (await buyer.call('GET', `/api/orders/${order.id}`)).body.event, {
    what: 'orders knows the event',
  });

  await startAt(event, Date.now() - 60_000);
  // Orders refuses from what it knows of the event: the next sync tells it (within EVENT_SYNC_SECONDS).
  await waitFor(async () => (await buyer.call('GET', `/api/orders/${order.id}`)).body.event?.started === true, {
    what: 'orders heard the event started',
  });
  const refused = await buyer.call('POST', '/api/orders', { tickets: [{ ticketId: free.id, price: free.price }] });
  expect(refused.status).toBe(409);
  expect(refused.body.errors[0].message).toMatch(/has already started: its tickets can no longer be bought/);

  await waitFor(async () => (await buyer.call('GET', `/api/orders/${order.id}`)).body.status === 'cancelled', {
    what: 'hold released',
  });
  for (const t of [held, free]) {
    await waitFor(async () => (await ticketOf(seller, t.id)).withdrawnReason === 'expired', { what: 'expired' });
  }
  const listings = (await seller.call('GET', `/api/tickets/user/${seller.id}`)).body.items;
  expect(listings.map((t: { status: string; withdrawnReason: string }) => [t.status, t.withdrawnReason])).toEqual([
    ['withdrawn', 'expired'],
    ['withdrawn', 'expired'],
  ]);
});

it('postponed and moved: tickets stay valid, the new date shows, and the payout waits for it', async () => {
  const event = FIXTURE_IDS.beyonceLosAngeles;
  const seller = await newPerson(stack.url, 'seller');
  await onboard(seller);
  const sale = await buy(await newPerson(stack.url, 'buyer'), await listTicket(seller, event, 9_000));
  await control(event, { status: 'postponed' });
  await waitFor(
    async () => (await sale.buyer.call('GET', `/api/orders/${sale.order.id}`)).body.event?.status === 'postponed',
  );
  expect((await seller.call('GET', `/api/events/${event}`)).body.status).toBe('postponed');

  const newDate = new Date(Date.now() + 60 * DAY);
  newDate.setUTCMilliseconds(0);
  await control(event, { status: 'rescheduled', dates: { start: newDate.toISOString() } });
  const order = await waitFor(async () => {
    const o = (await sale.buyer.call('GET', `/api/orders/${sale.order.id}`)).body;
    return o.event?.status === 'rescheduled' ? o : undefined;
  });
  expect(order).toMatchObject({ status: 'paid', event: { start: newDate.toISOString(), started: false } });
  expect(order.refund).toBeUndefined();
  const page = (await seller.call('GET', `/api/events/${event}`)).body;
  expect([page.status, page.date]).toEqual(['rescheduled', newDate.toISOString()]);
  // The ticket is still the buyer's; the seller is paid after the new date, not before.
  const owned = (await sale.buyer.call('GET', `/api/tickets/user/${sale.buyer.id}?role=owner`)).body.items;
  expect(owned.map((t: { status: string }) => t.status)).toEqual(['sold']);
  await saleOf(seller, sale.order.id, 'pending_event');
  expect(await refundsOf(sale.intent.id)).toEqual([]);

  // Both sides were told of each change once: the postponement, then the new date.
  for (const person of [sale.buyer, seller]) {
    await stack.mail.waitForMessage(person.email, /^Postponed: /, 30_000);
    const moved = await stack.mail.waitForMessage(person.email, /^New date: /, 30_000);
    expect(moved.Text).toContain('has been rescheduled to');
    expect(moved.Text).toContain(`/events/${event}`);
  }
  await mailSettled();
  for (const person of [sale.buyer, seller]) {
    const subjects = (await stack.mail.messagesTo(person.email)).map((m) => m.Subject);
    expect(subjects.filter((s) => /^(Postponed|New date|Cancelled): /.test(s)).sort()).toEqual([
      expect.stringMatching(/^New date: /),
      expect.stringMatching(/^Postponed: /),
    ]);
  }
});
