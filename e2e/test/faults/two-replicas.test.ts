/**
 * Two processes of every service at once (same database and queue, requests alternating between
 * them, both consuming, both sweeping): the same results as one. 50 buyers racing for a ticket
 * produce exactly one hold; a paid order is charged once and sells once; an abandoned order
 * expires once; every replica of every record ends at the same version as its source.
 */
import { fakeUser, waitFor } from '@bigtix/testkit';
import Stripe from 'stripe';
import { Person, newPerson } from '../../src/api-client';
import { Listed, expectOrderSettled, keptCharges, listTicket, pay, ticket } from '../../src/faults/flows';
import { pendingOutbox } from '../../src/faults/outbox';
import { ProcessStack, startProcessStack } from '../../src/faults/process-stack';

jest.setTimeout(180_000);

const BUYERS = 50;
let stack: ProcessStack;
let stripe: Stripe;

beforeAll(async () => {
  stack = await startProcessStack({
    label: 'replicas',
    replicas: 2,
    env: { ORDER_HOLD_SECONDS: '15', ORDER_SWEEP_MS: '500' },
  });
  stripe = new Stripe('sk_test_faults', stack.stripe.stripeClientOptions);
}, 240_000);
afterAll(() => stack?.stop());

/** Signed-in buyers without 50 sign-ups: sessions signed with the stack's JWT secret, as auth issues them. */
function buyers(n: number): Person[] {
  return Array.from({ length: n }, () => {
    const user = fakeUser();
    return Object.assign(new Person(stack.url, user.email), { cookie: user.cookie, id: user.id });
  });
}

async function race(t: Listed, contenders: Person[]) {
  const answers = await Promise.all(
    contenders.map((b) => b.call('POST', '/api/orders', { tickets: [{ ticketId: t.id, price: t.price }] })),
  );
  return { answers, winners: answers.map((a, i) => ({ a, buyer: contenders[i] })).filter(({ a }) => a.status === 201) };
}

it('runs with two processes per service', () => {
  for (const replicas of Object.values(stack.replicas)) {
    expect(replicas.map((r) => !!r.child)).toEqual([true, true]);
    expect(new Set(replicas.map((r) => r.port)).size).toBe(2);
  }
});

it('lets exactly one of 50 racing buyers hold each ticket, sells it once and expires the abandoned one once', async () => {
  const seller = await newPerson(stack.url, 'seller');
  const listed = [await listTicket(seller, 'race-pay'), await listTicket(seller, 'race-expire')];
  const orders = await stack.db('orders');
  await waitFor(
    async () =>
      (await orders.db!.collection('tickets').countDocuments({ _id: { $in: listed.map((t) => t.id) as never[] } })) ===
      2,
    {
      what: 'both listings to reach orders',
      timeoutMs: 30_000,
    },
  );

  const results = [];
  for (const t of listed) {
    const { answers, winners } = await race(t, buyers(BUYERS));
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(answers.filter((a) => a.status !== 201 && a.status !== 409).map((a) => a.status)).toEqual([]);
    expect(winners).toHaveLength(1);
    results.push(winners[0]);
  }
  // The database agrees: one hold and one live order per ticket.
  for (const t of listed) {
    // Live holds: a ticket's hold generations that have no release marker.
    const holds = await orders.db!.collection('holds').find({ ticketId: t.id }).toArray();
    const released = await Promise.all(
      holds.map((h) => orders.db!.collection('hold_releases').findOne({ _id: h._id })),
    );
    expect(released.filter((r) => r === null)).toHaveLength(1);
    expect(
      await orders
        .db!.collection('orders')
        .countDocuments({ 'tickets.ticketId': t.id, status: { $in: ['created', 'awaiting:payment'] } }),
    ).toBe(1);
  }

  const [toPay, toExpire] = results;
  const payment = await waitFor(
    async () => {
      const res = await pay(toPay.buyer, stripe, toPay.a.body);
      return res.status === 201 ? res : undefined;
    },
    { what: 'payments (either replica) to accept the payment', timeoutMs: 30_000, intervalMs: 300 },
  );
  expect(payment.body.status).toBe('succeeded');

  expect(await expectOrderSettled(toPay.buyer, toPay.a.body.id, [listed[0]], stripe)).toBe('paid');
  expect(await expectOrderSettled(toExpire.buyer, toExpire.a.body.id, [listed[1]], stripe)).toBe('expired');
  expect(await keptCharges(stripe, toPay.a.body.id)).toBe(1);

  // Events consumed once in effect: each replica ends at its source's version, and the outboxes drain.
  const tickets = await stack.db('tickets');
  const payments = await stack.db('payments');
  for (const t of listed) {
    const source = await ticket(seller, t.id);
    await waitFor(
      async () => (await orders.db!.collection('tickets').findOne({ _id: t.id as never }))?.version === source!.version,
      {
        what: `orders' replica of ${t.id} at version ${source!.version}`,
      },
    );
  }
  for (const { a } of results) {
    const order = await orders.db!.collection('orders').findOne({ _id: a.body.id });
    await waitFor(
      async () => (await payments.db!.collection('orders').findOne({ _id: a.body.id }))?.version === order!.version,
      {
        what: `payments' replica of ${a.body.id} at version ${order!.version}`,
      },
    );
    // Exactly one outcome per order, whatever both sweepers and both consumers tried.
    expect(await orders.db!.collection('order_outcomes').countDocuments({ _id: a.body.id })).toBe(1);
  }
  expect(
    await tickets.db!.collection('tickets').countDocuments({ _id: { $in: listed.map((t) => t.id) as never[] } }),
  ).toBe(2);
  for (const db of [tickets, orders, payments]) {
    await waitFor(async () => Object.keys(await pendingOutbox(db)).length === 0, { what: 'outboxes to drain' });
  }
});
