/**
 * The orders service loses its database for 60 seconds while buyers pay: far longer than the
 * retry budget it is given here (3 attempts, each failing after the driver's 10 s server
 * selection timeout: about 31 s), which is what
 * used to dead-letter a `payment.succeeded` and keep the buyer's money with no ticket. Money-
 * bearing events must keep retrying until the database is back; the listing made during the
 * outage is not money-bearing, so it is dead-lettered, counted on /metrics, listed by
 * `make dead-letters` and applied after `make redrive`.
 *
 * The outage is private: orders' replica is replaced by one whose database connection goes
 * through a TCP proxy this test owns and cuts; the shared FerretDB never stops.
 */
import { waitFor } from '@bigtix/testkit';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Stripe from 'stripe';
import { newPerson } from '../../src/api-client';
import { Listed, expectOrderSettled, hold, listTicket, pay, tryHold } from '../../src/faults/flows';
import { PrivateReplica, replaceReplica } from '../../src/faults/private-replica';
import { ProcessStack, httpStatus, startProcessStack } from '../../src/faults/process-stack';
import { TcpProxy, startTcpProxy } from '../../src/faults/tcp-proxy';

jest.setTimeout(300_000);

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const OUTAGE_MS = 60_000;
const BUYERS = 3;
const RETRY_BUDGET = { CONSUMER_MAX_ATTEMPTS: '3', CONSUMER_MAX_BACKOFF_MS: '5000' };
let stack: ProcessStack;
let stripe: Stripe;
let proxy: TcpProxy;
let orders: PrivateReplica;

beforeAll(async () => {
  stack = await startProcessStack({ label: 'nolost', env: { ORDER_HOLD_SECONDS: '600', ...RETRY_BUDGET } });
  stripe = new Stripe('sk_test_faults', stack.stripe.stripeClientOptions);
  const target = new URL(stack.iso.mongoUrl('orders'));
  proxy = await startTcpProxy(Number(target.port || 27017), target.hostname);
  const viaProxy = `mongodb://127.0.0.1:${proxy.port}${target.pathname}`;
  orders = await replaceReplica(stack, 'orders', { MONGO_URL: viaProxy, ORDER_HOLD_SECONDS: '600', ...RETRY_BUDGET });
}, 240_000);

afterAll(async () => {
  proxy?.restore();
  await orders?.stop();
  await stack?.stop();
  await proxy?.close();
});

/** The documented operator command, run as an operator would, against this test's queues. */
function make(...args: string[]): string {
  return execFileSync('make', ['--no-print-directory', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, BIGTIX_QUEUE_PREFIX: stack.iso.queuePrefix },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

const metrics = async () => (await fetch(`${orders.url}/metrics`)).text();
const logs = () => `${stack.logs()}\n--- orders (private)\n${orders.output.join('\n')}`;

it('applies every payment made during a 60-second database outage; the dead-lettered listing is redriven by make redrive', async () => {
  try {
    await scenario();
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${logs()}`);
  }
});

async function scenario(): Promise<void> {
  const seller = await newPerson(stack.url, 'seller');
  const buyers = await Promise.all(Array.from({ length: BUYERS }, (_, i) => newPerson(stack.url, `buyer${i}`)));
  const held: { buyer: (typeof buyers)[number]; ticket: Listed; order: { id: string; total: number } }[] = [];
  for (const buyer of buyers) {
    const ticket = await listTicket(seller, `paid-${held.length}`);
    held.push({ buyer, ticket, order: await hold(buyer, [ticket]) });
  }
  // payments must know each order before it takes the money.
  const payments = (await stack.db('payments')).db!.collection('orders');
  for (const h of held)
    await waitFor(() => payments.findOne({ _id: h.order.id as never }), {
      what: `payments to know order ${h.order.id}`,
      timeoutMs: 30_000,
    });

  let lateListing: Listed;
  const started = Date.now();
  proxy.cut();
  try {
    await waitFor(async () => (await httpStatus(`${orders.url}/readyz`)) === 503, {
      what: 'orders to see its database gone',
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    // The money is taken while orders cannot record it.
    for (const h of held) expect((await pay(h.buyer, stripe, h.order)).status).toBe(201);
    lateListing = await listTicket(seller, 'during');
    // The listing's retry budget runs out during the outage: it is dead-lettered (so are the
    // tickets' `held` updates), never a payment event.
    await waitFor(() => /ticket\.created/.test(make('dead-letters', 'QUEUE=orders.tickets')), {
      what: 'the listing to be dead-lettered',
      timeoutMs: OUTAGE_MS - 5_000,
      intervalMs: 2_000,
    });
    expect(await metrics()).toMatch(
      new RegExp(
        `bigtix_dead_letters_total\\{queue="${stack.iso.queuePrefix}orders.tickets",type="ticket.created",reason="exhausted"[^}]*\\} 1`,
      ),
    );
    await waitFor(() => Date.now() - started >= OUTAGE_MS, {
      what: 'the outage to last 60 s',
      timeoutMs: OUTAGE_MS + 5_000,
      intervalMs: 500,
    });
    // Every payment event is still being retried, none dead-lettered.
    expect(make('dead-letters', 'QUEUE=orders.payments')).toMatch(/dead letters: 0/);
  } finally {
    proxy.restore();
  }

  // Capped backoff: each payment is applied within about one cap (5 s) of the database being back.
  for (const h of held) expect(await expectOrderSettled(h.buyer, h.order.id, [h.ticket], stripe, 60_000)).toBe('paid');

  // The dead-lettered listing is unknown to orders until it is redriven.
  const lateBuyer = await newPerson(stack.url, 'late');
  expect(await tryHold(lateBuyer, [lateListing!])).toBeNull();
  expect(make('redrive', 'QUEUE=orders.tickets')).toMatch(/redriven: [1-9]/);
  await hold(lateBuyer, [lateListing!], 30_000);
  // A later version may have been dead-lettered behind one still missing: the operator redrives
  // until nothing is left, and orders' replica of every sold ticket catches up.
  const replica = (await stack.db('orders')).db!.collection('tickets');
  await waitFor(
    async () => {
      if (!/dead letters: 0/.test(make('dead-letters'))) make('redrive');
      const sold = await replica.countDocuments({
        _id: { $in: held.map((h) => h.ticket.id) as never[] },
        status: 'sold',
      });
      return sold === held.length;
    },
    { what: "orders' replica to show every paid ticket sold", timeoutMs: 60_000, intervalMs: 2_000 },
  );
  // Safe to run again: nothing left, nothing sent twice.
  expect(make('redrive')).toMatch(/redriven: 0/);
  expect(make('dead-letters')).toMatch(/dead letters: 0/);
}
