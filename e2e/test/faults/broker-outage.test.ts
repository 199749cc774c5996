/**
 * RabbitMQ stopped for 10 seconds while sellers list and buyers hold, with every service a real
 * process: the HTTP side keeps deciding (each decision stored with its event), and once the
 * broker is back every event arrives and every replica converges: listings made during the
 * outage become holdable, orders placed during it reach tickets (held) and payments (payable),
 * and no outbox record is left unpublished.
 */
import { waitFor } from '@bigtix/testkit';
import Stripe from 'stripe';
import { newPerson } from '../../src/api-client';
import { portOpen, startBroker, stopBroker } from '../../src/faults/broker-control';
import { Listed, expectOrderSettled, hold, listTicket, pay, ticket } from '../../src/faults/flows';
import { pendingOutbox } from '../../src/faults/outbox';
import { ProcessStack, httpStatus, startProcessStack } from '../../src/faults/process-stack';

jest.setTimeout(180_000);

const OUTAGE_MS = 10_000;
let stack: ProcessStack;
let stripe: Stripe;

beforeAll(async () => {
  stack = await startProcessStack({ label: 'brokerout', env: { ORDER_HOLD_SECONDS: '300' } });
  stripe = new Stripe('sk_test_faults', stack.stripe.stripeClientOptions);
}, 180_000);
afterAll(async () => {
  if (!(await portOpen(5672))) startBroker();
  await stack?.stop();
});

async function replicated(ids: string[]): Promise<boolean> {
  const orders = await stack.db('orders');
  return (await orders.db!.collection('tickets').countDocuments({ _id: { $in: ids as never[] } })) === ids.length;
}

it('delivers every event and converges every replica after a 10-second broker outage', async () => {
  const seller = await newPerson(stack.url, 'seller');
  const buyer = await newPerson(stack.url, 'buyer');
  const lateBuyer = await newPerson(stack.url, 'late');

  const before: Listed[] = [];
  for (let i = 0; i < 5; i++) before.push(await listTicket(seller, `before${i}`));
  await waitFor(() => replicated(before.map((t) => t.id)), {
    what: 'listings to reach orders before the outage',
    timeoutMs: 30_000,
  });

  const during: Listed[] = [];
  const heldDuring: { id: string; total: number; ticket: Listed }[] = [];
  const started = Date.now();
  stopBroker();
  try {
    // The services notice (readyz reports the broker) before anything is written "during".
    await waitFor(async () => (await httpStatus(`${stack.replicas.tickets[0].url}/readyz`)) === 503, {
      what: 'tickets to see the broker gone',
      timeoutMs: 20_000,
    });
    for (let i = 0; i < 5; i++) during.push(await listTicket(seller, `during${i}`));
    for (const t of before) {
      const res = await buyer.call('POST', '/api/orders', { tickets: [{ ticketId: t.id, price: t.price }] });
      expect(res.status).toBe(201);
      heldDuring.push({ id: res.body.id, total: res.body.total, ticket: t });
    }
    // The outage lasts its full length even if the writes were quick.
    await waitFor(() => Date.now() - started >= OUTAGE_MS, {
      what: 'the outage to last 10 s',
      timeoutMs: OUTAGE_MS + 5_000,
      intervalMs: 200,
    });
  } finally {
    startBroker();
  }

  try {
    for (const service of Object.keys(stack.replicas)) {
      await waitFor(async () => (await httpStatus(`${stack.replicas[service][0].url}/readyz`)) === 200, {
        what: `${service} ready again`,
        timeoutMs: 60_000,
        intervalMs: 250,
      });
    }
    // ticket.created published after the outage: the listings become holdable.
    for (const t of during) await hold(lateBuyer, [t], 60_000);
    // order.created published after the outage: tickets shows each ticket held.
    for (const { ticket: t } of heldDuring) {
      await waitFor(async () => (await ticket(buyer, t.id))?.status === 'held', {
        what: `ticket ${t.id} held`,
        timeoutMs: 60_000,
        intervalMs: 250,
      });
    }
    // ...and payments knows each order: one is paid end to end.
    const first = heldDuring[0];
    const payment = await waitFor(
      async () => {
        const res = await pay(buyer, stripe, first);
        return res.status === 201 ? res : undefined;
      },
      { what: 'an order placed during the outage to be payable', timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(payment.body.status).toMatch(/succeeded|processing/);
    expect(await expectOrderSettled(buyer, first.id, [first.ticket])).toBe('paid');

    for (const service of Object.keys(stack.replicas)) {
      const db = await stack.db(service);
      await waitFor(async () => Object.keys(await pendingOutbox(db)).length === 0, {
        what: `${service}'s outbox to drain`,
        timeoutMs: 30_000,
        intervalMs: 250,
      });
    }
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${stack.logs()}`);
  }
});
