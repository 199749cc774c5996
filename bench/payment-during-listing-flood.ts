// Payments during a listing flood: how long after the money is taken is the order `paid`,
// while a 10,000-ticket bulk listing propagates to the orders service? Payments and listings
// reach orders on separate queues (`orders.payments`, `orders.tickets`), so a payment must not
// wait behind the flood.
//
//   npm run build && node bench/run-all.js payment-during-listing-flood
//   (or, with a stack of its own: npx tsc -b bench && node bench/dist/payment-during-listing-flood.js)
//
// Per run: 20 buyers each hold one ticket (all runs' orders are placed first); then one seller lists 10,000 tickets (10 bulk
// requests of 1000), and once they are listed (their events on their way to orders) the buyers
// pay one after another (`POST /api/payments/new` through fake Stripe). The clock starts when
// the payment answers 201 and stops when `GET /api/orders/:id` (polled every 5 ms) says `paid`.
// The flood is not awaited to the end: on a loaded machine it takes orders many minutes, and the
// next run's flood queues behind what is left. BENCH_FLOOD_TICKETS changes the flood size.
import mongoose from 'mongoose';
import { call, expectStatus } from './lib/http';
import { BenchCheck } from './lib/result';
import { commandLine, runScript } from './lib/script';
import { seedTickets } from './lib/seed';
import { StackInfo } from './lib/stack-info';
import { fmt, fmtSpread, percentile, spread } from './lib/stats';
import { BenchUser, signUpSeller, signedBuyers } from './lib/users';

const FLOOD = Number(process.env.BENCH_FLOOD_TICKETS ?? 10_000);
const PAYERS = 20;
/** Beyoncé: an event of its own, apart from the reading and contention benchmarks. */
const EVENT_ID = 'G5vfpSe7Mg4lAnoY';
const POLL_MS = 5;
const APPLY_DEADLINE_MS = 60_000;

interface Sample {
  ms: number;
  /** Flood tickets orders had when this payment was applied. */
  floodReplicated: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function confirmationToken(stack: StackInfo): Promise<string> {
  const res = await fetch(`${stack.stripeUrl}/v1/test_helpers/confirmation_tokens`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk_test_bench', 'content-type': 'application/x-www-form-urlencoded' },
    body: 'payment_method=pm_card_visa',
  });
  if (!res.ok) throw new Error(`confirmation token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** One order per buyer for a ticket of its own, placed once the orders replica has the ticket. */
async function holdOne(stack: StackInfo, buyer: BenchUser, ticket: { id: string; price: number }) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const res = await call<{ id: string; total: number }>(
      'POST',
      `${stack.routerUrl}/api/orders`,
      { tickets: [{ ticketId: ticket.id, price: ticket.price }] },
      { authorization: buyer.authorization },
    );
    if (res.status === 201) return res.body;
    if (res.status !== 404) expectStatus(res, 201, 'hold');
    await pause(20);
  }
  throw new Error(`ticket ${ticket.id} never became holdable`);
}

/** Pays once payments knows the order (its replica lags the hold by a moment); resolves at the 201. */
async function payOrder(stack: StackInfo, buyer: BenchUser, order: { id: string; total: number }) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const res = await call(
      'POST',
      `${stack.routerUrl}/api/payments/new`,
      { orderId: order.id, amount: order.total, confirmationTokenId: await confirmationToken(stack) },
      { authorization: buyer.authorization },
    );
    if (res.status === 201) return;
    if (res.status !== 404 && res.status !== 409) expectStatus(res, 201, 'pay');
    await pause(50);
  }
  throw new Error(`order ${order.id} never became payable`);
}

/** Pays, then polls the order: ms from the payment's 201 to `paid`. */
async function payAndTime(stack: StackInfo, buyer: BenchUser, order: { id: string; total: number }): Promise<number> {
  await payOrder(stack, buyer, order);
  const t0 = performance.now();
  for (;;) {
    const res = await call<{ status: string }>('GET', `${stack.routerUrl}/api/orders/${order.id}`, undefined, {
      authorization: buyer.authorization,
    });
    if (res.body.status === 'paid') return performance.now() - t0;
    if (performance.now() - t0 > APPLY_DEADLINE_MS) throw new Error(`order ${order.id} not paid in 60 s`);
    await pause(POLL_MS);
  }
}

runScript('payment-during-listing-flood', async (stack, o, log) => {
  const conn = await mongoose.createConnection(`${stack.mongoBase}/${stack.dbPrefix}orders`).asPromise();
  const replica = conn.db!.collection('tickets');
  const perRun: Sample[][] = [];
  const listed: number[] = [];
  const reachedAtEnd: number[] = [];
  const rate: number[] = [];
  const slow: string[] = [];
  const baseline: number[] = [];
  try {
    // Every run's orders are placed before the first flood: a listing made later would queue
    // behind what is left of the flood before orders could hold it.
    const seller = await signUpSeller(stack, 'flood-seller');
    // One more set than runs: the first is paid with no flood, as the baseline of the same run.
    const { tickets } = await seedTickets(stack, seller, PAYERS * (o.runs + 1), EVENT_ID, `${stack.runId}-pay`);
    const runs = [];
    for (let r = 0; r <= o.runs; r++) {
      const buyers = signedBuyers(stack, PAYERS);
      const orders = [];
      for (let i = 0; i < PAYERS; i++) orders.push(await holdOne(stack, buyers[i], tickets[r * PAYERS + i]));
      runs.push({ buyers, orders });
    }
    for (let i = 0; i < PAYERS; i++) baseline.push(await payAndTime(stack, runs[0].buyers[i], runs[0].orders[i]));
    log(
      `no flood: payment applied p50 ${percentile(baseline, 50).toFixed(0)} ms, p99 ${percentile(baseline, 99).toFixed(0)} ms`,
    );
    for (let r = 1; r <= o.runs; r++) {
      const flooder = await signUpSeller(stack, `flood-lister-${r}`);
      const { buyers, orders } = runs[r];

      const floodStarted = performance.now();
      await seedTickets(stack, flooder, FLOOD, EVENT_ID, `${stack.runId}-flood-${r}`);
      const listedS = (performance.now() - floodStarted) / 1000;
      const replicated = () => replica.countDocuments({ userId: flooder.id });

      const samples: Sample[] = [];
      for (let i = 0; i < PAYERS; i++)
        samples.push({ ms: await payAndTime(stack, buyers[i], orders[i]), floodReplicated: await replicated() });
      const reached = await replicated();
      const elapsedS = (performance.now() - floodStarted) / 1000;
      listed.push(listedS);
      reachedAtEnd.push(reached);
      rate.push(reached / elapsedS);
      perRun.push(samples);
      const ms = samples.map((s) => s.ms);
      for (const s of samples)
        if (s.floodReplicated >= FLOOD) slow.push(`run ${r}: a payment waited for the whole flood`);
      log(
        `run ${r}/${o.runs}: payment applied p50 ${percentile(ms, 50).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms; flood listed in ${listedS.toFixed(1)} s, ${reached} of ${FLOOD} in orders after ${elapsedS.toFixed(1)} s`,
      );
    }
  } finally {
    await conn.close();
  }

  const pooled = perRun.flat().map((s) => s.ms);
  const by = (fn: (ms: number[]) => number) => spread(perRun.map((run) => fn(run.map((s) => s.ms))));
  const during = perRun.flat().filter((s) => s.floodReplicated < FLOOD).length;
  const checks: BenchCheck[] = [
    {
      name: 'payment applied p99 under 1 s while the listing propagates',
      pass: percentile(pooled, 99) < 1000,
      detail: `pooled p99 ${percentile(pooled, 99).toFixed(0)} ms`,
    },
    {
      name: 'every payment was applied before the flood had fully reached orders',
      pass: slow.length === 0,
      detail: slow.slice(0, 3).join(' | ') || undefined,
    },
  ];
  return {
    name: 'payment-during-listing-flood',
    title: `Payment applied while a ${FLOOD.toLocaleString('en-US')}-ticket listing propagates`,
    command: commandLine('payment-during-listing-flood', o),
    description: [
      `Per run, ${PAYERS} buyers each hold a ticket; one seller then lists ${FLOOD.toLocaleString('en-US')} tickets (bulk route, 1000 rows a request) and, once they are listed (their events on the way to orders), the buyers pay one after another through payments and fake Stripe.`,
      `"Applied" is from the 201 of \`POST /api/payments/new\` to \`GET /api/orders/:id\` answering \`paid\` (polled every ${POLL_MS} ms): payments' outbox relay, RabbitMQ, orders' \`orders.payments\` consumer.`,
      `${during} of ${pooled.length} payments were applied while orders was still receiving the flood on \`orders.tickets\` (a run's flood also queues behind what is left of the previous one). Per-run figures are median (min–max) over ${o.runs} runs.`,
    ].join(' '),
    tables: [
      {
        columns: ['figure', 'per run: median (min–max)', 'pooled'],
        rows: [
          ['no flood (same stack, just before): payment applied p50, ms', '', fmt(percentile(baseline, 50))],
          ['no flood: payment applied p99, ms', '', fmt(percentile(baseline, 99))],
          ['payment applied p50, ms', fmtSpread(by((ms) => percentile(ms, 50))), fmt(percentile(pooled, 50))],
          ['payment applied p99, ms', fmtSpread(by((ms) => percentile(ms, 99))), fmt(percentile(pooled, 99))],
          ['payment applied max, ms', fmtSpread(by((ms) => Math.max(...ms))), fmt(Math.max(...pooled))],
          [`${FLOOD.toLocaleString('en-US')} listings listed (bulk route), s`, fmtSpread(spread(listed), 1), ''],
          [`flood listings in orders' replica after the last payment`, fmtSpread(spread(reachedAtEnd)), ''],
          [`flood reaching orders, listings/s (its own, from its first request)`, fmtSpread(spread(rate), 1), ''],
        ],
      },
    ],
    checks,
    raw: perRun.map((run) => run.map((s) => Math.round(s.ms))),
  };
});
