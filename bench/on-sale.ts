// On-sale load test: a fixed duration of simulated buyers against the whole stack with two
// replicas of every service (each with its own consumers, outbox relay and workers) behind the
// router, the way an on-sale hits production. Every buyer browses the event (event page, then
// the cheapest listings); most only browse, the rest choose how many tickets, hold them, pay with
// a card that succeeds and wait until the order is paid. Tickets are scarce, so holds contend.
//
//   npm run build && node bench/dist/on-sale.js --json
//   (ONSALE_BUYERS=1000 ONSALE_SECONDS=60 ONSALE_TICKETS=300 ONSALE_BUYING=0.2 by default)
//
// Reports per step (browse, hold, pay, paid) throughput and p50/p99, errors (5xx, network errors
// and unexpected statuses: must be 0), and at the end the purchase-flow invariants, read from the
// services' databases and the fake Stripe once every started purchase has settled:
// every paid order's tickets are sold to its buyer, no ticket is in two paid orders, every
// succeeded PaymentIntent is the one payment of a paid order or refunded, and every order's
// ledger sums to zero.
import mongoose from 'mongoose';
import { call } from './lib/http';
import { BenchCheck } from './lib/result';
import { runScript } from './lib/script';
import { seedTickets } from './lib/seed';
import { StackInfo } from './lib/stack-info';
import { fmt, percentile } from './lib/stats';
import { BenchUser, signUpSeller, signedBuyers } from './lib/users';

const BUYERS = Number(process.env.ONSALE_BUYERS ?? 1000);
const SECONDS = Number(process.env.ONSALE_SECONDS ?? 60);
const TICKETS = Number(process.env.ONSALE_TICKETS ?? 300);
const BUYING = Number(process.env.ONSALE_BUYING ?? 0.2);
const REPLICAS = 2;
/** Buyers arrive over the first part of the window, as a queue opening does, not all in one tick. */
const ARRIVAL_SECONDS = Math.min(10, SECONDS / 3);
/** A person reads a page for a while before the next click. */
const THINK_MS: [number, number] = [1_500, 4_000];
const QUANTITIES = [1, 2, 2, 3, 4];
const SETTLE_DEADLINE_MS = 30_000;
const COMMAND = 'npm run build && node bench/dist/on-sale.js --json';

type Step = 'browse' | 'hold' | 'pay' | 'paid';
const STEPS: Step[] = ['browse', 'hold', 'pay', 'paid'];

interface Listing {
  id: string;
  price: number;
}

class Tally {
  readonly ms: Record<Step, number[]> = { browse: [], hold: [], pay: [], paid: [] };
  readonly errors: string[] = [];
  conflicts = 0;
  soldOut = 0;
  paidOrders: { id: string; buyerId: string; tickets: string[] }[] = [];
  error(step: Step, detail: string) {
    this.errors.push(`${step}: ${detail}`);
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = ([lo, hi]: [number, number]) => lo + Math.random() * (hi - lo);
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];

/** A request of one step: its latency is recorded; a 5xx, a network error or an unexpected status is an error. */
async function step<T>(
  tally: Tally,
  name: Step,
  expected: number[],
  send: () => Promise<{ status: number; body: T; ms: number }>,
): Promise<{ status: number; body: T } | null> {
  try {
    const res = await send();
    if (!expected.includes(res.status)) {
      tally.error(name, `HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      return null;
    }
    tally.ms[name].push(res.ms);
    return res;
  } catch (err) {
    tally.error(name, (err as Error).message);
    return null;
  }
}

/** The cheapest listings the buyer saw, or null when the page did not load (an error is counted). */
async function browse(stack: StackInfo, tally: Tally, eventId: string): Promise<Listing[] | null> {
  const event = await step(tally, 'browse', [200], () => call('GET', `${stack.routerUrl}/api/events/${eventId}`));
  const page = await step(tally, 'browse', [200], () =>
    call<{ items: Listing[] }>('GET', `${stack.routerUrl}/api/tickets/event/${eventId}?sort=price&limit=20`),
  );
  return event && page ? page.body.items : null;
}

async function confirmationToken(stack: StackInfo): Promise<string> {
  const res = await fetch(`${stack.stripeUrl}/v1/test_helpers/confirmation_tokens`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk_test_bench', 'content-type': 'application/x-www-form-urlencoded' },
    body: 'payment_method=pm_card_visa',
  });
  return ((await res.json()) as { id: string }).id;
}

/** Hold, pay, and wait until orders says paid. Returns false when the tickets were taken (try again). */
async function purchase(stack: StackInfo, tally: Tally, buyer: BenchUser, listings: Listing[]): Promise<boolean> {
  const quantity = Math.min(pick(QUANTITIES), listings.length);
  const chosen = [...listings].sort(() => Math.random() - 0.5).slice(0, quantity);
  const auth = { authorization: buyer.authorization };
  const hold = await step(tally, 'hold', [201, 409], () =>
    call<{ id: string; total: number }>(
      'POST',
      `${stack.routerUrl}/api/orders`,
      { tickets: chosen.map((t) => ({ ticketId: t.id, price: t.price })) },
      auth,
    ),
  );
  if (!hold) return true;
  if (hold.status === 409) {
    tally.conflicts++;
    return false;
  }
  const order = hold.body;
  // Payments learns the order from orders' event a moment after the hold: 404 until then.
  const payDeadline = Date.now() + SETTLE_DEADLINE_MS;
  for (;;) {
    const pay = await step(tally, 'pay', [201, 404], async () =>
      call(
        'POST',
        `${stack.routerUrl}/api/payments/new`,
        { orderId: order.id, amount: order.total, confirmationTokenId: await confirmationToken(stack) },
        auth,
      ),
    );
    if (!pay) return true;
    if (pay.status === 201) break;
    if (Date.now() > payDeadline) {
      tally.error('pay', `order ${order.id} never became payable`);
      return true;
    }
    await pause(50);
  }
  const paidStarted = performance.now();
  const paidDeadline = Date.now() + SETTLE_DEADLINE_MS;
  while (Date.now() < paidDeadline) {
    const res = await call<{ status: string }>('GET', `${stack.routerUrl}/api/orders/${order.id}`, undefined, auth);
    if (res.status >= 500) tally.error('paid', `HTTP ${res.status}`);
    if (res.body?.status === 'paid') {
      tally.ms.paid.push(performance.now() - paidStarted);
      tally.paidOrders.push({ id: order.id, buyerId: buyer.id, tickets: chosen.map((t) => t.id) });
      return true;
    }
    await pause(100);
  }
  tally.error('paid', `order ${order.id} not paid ${SETTLE_DEADLINE_MS} ms after its payment`);
  return true;
}

async function simulateBuyer(
  stack: StackInfo,
  tally: Tally,
  buyer: BenchUser,
  buys: boolean,
  eventId: string,
  endAt: number,
) {
  await pause(Math.random() * ARRIVAL_SECONDS * 1000);
  let done = false;
  while (Date.now() < endAt) {
    const listings = await browse(stack, tally, eventId);
    if (buys && !done && listings) {
      if (listings.length === 0) {
        tally.soldOut++;
        done = true;
      } else {
        done = await purchase(stack, tally, buyer, listings);
        if (!done) continue; // taken by someone else: look again at once, as a buyer would
      }
    }
    await pause(between(THINK_MS));
  }
}

async function invariants(stack: StackInfo, tally: Tally): Promise<BenchCheck[]> {
  const connect = (svc: string) => mongoose.createConnection(`${stack.mongoBase}/${stack.dbPrefix}${svc}`).asPromise();
  const [orders, tickets, payments] = await Promise.all([connect('orders'), connect('tickets'), connect('payments')]);
  try {
    const paid = await orders.db!.collection('orders').find({ status: 'paid' }).toArray();
    const ticketOwners = new Map<string, string[]>();
    for (const o of paid)
      for (const t of o.tickets as { ticketId: string }[])
        ticketOwners.set(String(t.ticketId), [...(ticketOwners.get(String(t.ticketId)) ?? []), String(o._id)]);
    const twice = [...ticketOwners].filter(([, os]) => os.length > 1);

    // Tickets learns a sale from order.paid a moment later: read until they agree, or the deadline.
    const unsold = async () => {
      const out: string[] = [];
      for (const o of paid)
        for (const t of o.tickets as { ticketId: string }[]) {
          const doc = await tickets
            .db!.collection('tickets')
            // Stored under the id's string or ObjectId form, depending on the writer.
            .findOne({ _id: { $in: [String(t.ticketId), new mongoose.Types.ObjectId(String(t.ticketId))] } as never });
          if (doc?.status !== 'sold' || String(doc.userId) !== String(o.userId)) out.push(String(t.ticketId));
        }
      return out;
    };
    let notSold = await unsold();
    for (const deadline = Date.now() + SETTLE_DEADLINE_MS; notSold.length > 0 && Date.now() < deadline;) {
      await pause(500);
      notSold = await unsold();
    }

    const paidIntents = new Map(paid.map((o) => [String(o._id), String(o.paymentIntentId ?? '')]));
    const strays: string[] = [];
    let starting_after: string | undefined;
    for (;;) {
      const url = `${stack.stripeUrl}/v1/payment_intents?limit=100${starting_after ? `&starting_after=${starting_after}` : ''}`;
      const page = (await (await fetch(url, { headers: { authorization: 'Bearer sk_test_bench' } })).json()) as {
        data: {
          id: string;
          status: string;
          amount_received: number;
          metadata: { orderId?: string };
          latest_charge: string | null;
        }[];
        has_more: boolean;
      };
      for (const pi of page.data) {
        if (pi.status !== 'succeeded') continue;
        if (paidIntents.get(pi.metadata.orderId ?? '') === pi.id) continue;
        const refunds = (await (
          await fetch(`${stack.stripeUrl}/v1/refunds?payment_intent=${pi.id}`, {
            headers: { authorization: 'Bearer sk_test_bench' },
          })
        ).json()) as { data: { amount: number; status: string }[] };
        const refunded = refunds.data.filter((r) => r.status === 'succeeded').reduce((s, r) => s + r.amount, 0);
        if (refunded !== pi.amount_received) strays.push(pi.id);
      }
      if (!page.has_more || page.data.length === 0) break;
      starting_after = page.data[page.data.length - 1].id;
    }

    const entries = await payments.db!.collection('ledger_entries').find({}).toArray();
    const sums = new Map<string, number>();
    for (const e of entries)
      sums.set(
        String(e.orderId),
        (sums.get(String(e.orderId)) ?? 0) + (e.postings as { amount: number }[]).reduce((s, p) => s + p.amount, 0),
      );
    const unbalanced = [...sums].filter(([, s]) => s !== 0);
    const seenPaid = tally.paidOrders.filter((o) => !paidIntents.has(o.id));
    return [
      {
        name: 'no step answered a 5xx, a network error or an unexpected status',
        pass: tally.errors.length === 0,
        detail: tally.errors.slice(0, 5).join('; ') || undefined,
      },
      {
        name: 'every paid order’s tickets are sold to its buyer',
        pass: notSold.length === 0,
        detail: notSold.length
          ? `${notSold.length} not sold: ${notSold.slice(0, 3).join(', ')}`
          : `${paid.length} paid orders`,
      },
      {
        name: 'no ticket is in two paid orders',
        pass: twice.length === 0,
        detail: twice.length
          ? twice
              .slice(0, 3)
              .map(([t, os]) => `${t}: ${os.join(', ')}`)
              .join('; ')
          : undefined,
      },
      {
        name: 'every succeeded PaymentIntent paid its order or was refunded in full',
        pass: strays.length === 0,
        detail: strays.slice(0, 3).join(', ') || undefined,
      },
      {
        name: 'every order’s ledger sums to zero',
        pass: unbalanced.length === 0,
        detail: unbalanced.length ? `${unbalanced.length} orders` : `${sums.size} orders booked`,
      },
      { name: 'every order a buyer saw paid is paid in the orders database', pass: seenPaid.length === 0 },
    ];
  } finally {
    await Promise.all([orders.close(), tickets.close(), payments.close()]);
  }
}

runScript(
  'on-sale',
  async (stack, _o, log) => {
    const eventId = stack.eventId;
    const seller = await signUpSeller(stack, 'onsale-seller');
    const seeded = await seedTickets(stack, seller, TICKETS, eventId, `onsale-${stack.runId}`);
    log(`listed ${seeded.tickets.length} tickets; waiting until orders can hold them`);
    // Wait until the listing has reached both the public listing and orders' replica (a hold of
    // the last ticket answers 201 then is cancelled, so nothing is left held).
    const probe = signedBuyers(stack, 1)[0];
    const last = seeded.tickets[seeded.tickets.length - 1];
    for (const deadline = Date.now() + 120_000; ;) {
      const res = await call<{ id: string }>(
        'POST',
        `${stack.routerUrl}/api/orders`,
        { tickets: [{ ticketId: last.id, price: last.price }] },
        { authorization: probe.authorization },
      );
      if (res.status === 201) {
        await call('DELETE', `${stack.routerUrl}/api/orders/${res.body.id}`, undefined, {
          authorization: probe.authorization,
        });
        break;
      }
      if (Date.now() > deadline) throw new Error(`tickets never became holdable (last answer ${res.status})`);
      await pause(250);
    }

    const buyers = signedBuyers(stack, BUYERS);
    const tally = new Tally();
    const load1 = (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    log(
      `${BUYERS} buyers for ${SECONDS} s (${Math.round(BUYING * 100)} % buying) against ${REPLICAS} replicas per service`,
    );
    const started = Date.now();
    const endAt = started + SECONDS * 1000;
    await Promise.all(buyers.map((b, i) => simulateBuyer(stack, tally, b, i < BUYERS * BUYING, eventId, endAt)));
    const elapsed = (Date.now() - started) / 1000;
    const load2 = (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const checks = await invariants(stack, tally);
    const buyersWhoBought = new Set(tally.paidOrders.map((o) => o.buyerId)).size;
    const sold = tally.paidOrders.reduce((s, o) => s + o.tickets.length, 0);

    return {
      name: 'on-sale',
      title: 'On-sale load test: browse, hold, pay against two replicas of everything',
      command: COMMAND,
      description:
        `${BUYERS} simulated buyers for ${SECONDS} s against the whole stack with ${REPLICAS} replicas of every service behind the router (arrivals spread over the first ${ARRIVAL_SECONDS} s). ` +
        `Every buyer browses the event (\`GET /api/events/:id\`, then the 20 cheapest listings), thinking ${THINK_MS[0] / 1000}–${THINK_MS[1] / 1000} s between page views; ` +
        `${Math.round(BUYING * 100)} % of them also choose 1–4 tickets from what they saw, hold them (\`POST /api/orders\`; a 409 means someone was faster, and the buyer looks again at once), pay with a card that succeeds (\`POST /api/payments/new\`, repeated while payments does not know the order yet) and wait until \`GET /api/orders/:id\` says paid. ` +
        `${TICKETS} tickets are listed, so buyers contend. "paid" is the time from the payment's 201 to the order reading paid (payments → Stripe webhook → orders). The invariants are read from the services' databases and the fake Stripe after the load.`,
      tables: [
        {
          columns: ['step', 'requests', 'per second', 'p50 ms', 'p99 ms'],
          rows: STEPS.map((s) => [
            s,
            tally.ms[s].length,
            fmt(tally.ms[s].length / elapsed, 1),
            fmt(percentile(tally.ms[s], 50)),
            fmt(percentile(tally.ms[s], 99)),
          ]),
        },
        {
          columns: ['figure', 'value'],
          rows: [
            ['buyers who paid', `${buyersWhoBought} of ${Math.round(BUYERS * BUYING)} trying`],
            ['tickets sold', `${sold} of ${seeded.tickets.length}`],
            ['holds refused (409, someone was faster)', tally.conflicts],
            ['buyers who found nothing left', tally.soldOut],
            ['errors', tally.errors.length],
            ['load average before → after', `${load1} → ${load2}`],
          ],
        },
      ],
      checks,
      raw: { elapsed, errors: tally.errors.slice(0, 50) },
    };
  },
  { replicas: REPLICAS },
);
