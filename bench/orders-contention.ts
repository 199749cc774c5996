// Order contention: N buyers race for M tickets at once against a running orders service.
// Buyer i orders ticket i mod M (one ticket per order), so every ticket has ⌈N/M⌉ rivals and
// exactly M orders must win. Reports decided orders per second, p50/p99 latency, and checks
// exactly M × 201, (N − M) × 409, no 5xx, and every ticket won by exactly one order.
//
//   npx tsc -b services/orders && npx tsx bench/orders-contention.ts
//
// Without BENCH_STACK (run-all) or ORDERS_URL it starts `node services/orders/dist/index.js`
// (built output: typegoose needs decorator metadata) on a free port against a fresh FerretDB
// database and its own exchange/queues, and removes them afterwards. Tickets are listed the way
// the tickets service would announce them: `ticket.created` on the exchange (the orders service
// only knows tickets through its replica). `--json` prints a BenchResult as the last line,
// `--markdown` the docs section. Scenarios: BENCH_SCENARIOS="200x1,400x40" (buyers x tickets).
// Then the overlapping rush (RUSH_BUYERS × RUSH_PER_ORDER of RUSH_TICKETS, RUSH_RUNS times):
// complete orders per run, and refusals that no winner explains (must be 0).
import { consumerQueueNames } from '@bigtix/common';
import { makeEnvelope, signUserToken } from '@bigtix/middleware';
import amqp from 'amqplib';
import mongoose, { Types } from 'mongoose';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startStack } from '@bigtix/dev-runner';
import { testLimitsEnv, waitFor } from '@bigtix/testkit';

const ROOT = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? '50x1,200x10,400x40').split(',').map((s) => {
  const [buyers, tickets] = s.split('x').map(Number);
  return { buyers, tickets };
});
const COMMAND = 'npx tsc -b services/orders && npx tsx bench/orders-contention.ts --markdown';
const RUSH = {
  buyers: Number(process.env.RUSH_BUYERS ?? 20),
  tickets: Number(process.env.RUSH_TICKETS ?? 10),
  perOrder: Number(process.env.RUSH_PER_ORDER ?? 4),
  runs: Number(process.env.RUSH_RUNS ?? 5),
};
const RABBITMQ_URL = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

// No bench/lib imports on purpose: the shapes below follow bench/lib's BenchResult and
// BENCH_STACK contract (run-all) without depending on that code's evolution. Its own stack, when
// run alone, is a topology for the supervisor in tools/dev-runner.
interface BenchResult {
  name: string;
  title: string;
  command: string;
  description: string;
  tables: { caption?: string; columns: string[]; rows: (string | number)[][] }[];
  checks?: { name: string; pass: boolean; detail?: string }[];
  raw?: unknown;
}

function stackFromEnv(): { services: Record<string, { url: string }>; jwtSecret: string; exchange: string } | null {
  return process.env.BENCH_STACK ? JSON.parse(process.env.BENCH_STACK) : null;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const fmt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
function fmtSpread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return `${fmt(median)} (${fmt(sorted[0])}–${fmt(sorted[sorted.length - 1])})`;
}

interface Target {
  url: string;
  jwtSecret: string;
  exchange: string;
  stop(): Promise<void>;
}

/** Topology: the orders service alone, once, on a free port, with its own database and queues. */
async function ownService(): Promise<Target> {
  const id = randomBytes(4).toString('hex');
  const mongoUrl = `mongodb://127.0.0.1:27017/bench-orders-contention-${id}`;
  const exchange = `bigtix.bench.${id}`;
  const queuePrefix = `bench.${id}.`;
  const jwtSecret = 'bench-orders-contention-secret';
  const logDir = path.join(ROOT, '.artifacts', 'bench', `orders-contention-${id}`);
  const stack = await startStack({
    services: ['orders'],
    ports: 'free',
    names: { mongoUrl: () => mongoUrl, exchange, queuePrefix },
    fakes: { ticketmaster: false, stripe: false },
    // Throughput, not abuse limits, is measured here: test-sized limits, counters of this run only.
    env: {
      base: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      jwtSecret,
      services: testLimitsEnv(`bench${id}`),
    },
    serviceHost: '127.0.0.1',
    output: (name) => ({ kind: 'file', file: path.join(logDir, `${name}.log`) }),
  });
  return {
    url: stack.serviceUrls.orders,
    jwtSecret,
    exchange,
    async stop() {
      await stack.stop();
      const conn = await mongoose.createConnection(mongoUrl).asPromise();
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
      const model = await amqp.connect(RABBITMQ_URL);
      const ch = await model.createChannel();
      ch.on('error', () => undefined);
      for (const name of consumerQueueNames(queuePrefix).filter((n) => n.startsWith(`${queuePrefix}orders.`)))
        for (const q of ['', '.retry', '.dead']) await ch.deleteQueue(`${name}${q}`).catch(() => undefined);
      await ch.deleteExchange(exchange).catch(() => undefined);
      await model.close().catch(() => undefined);
    },
  };
}

async function target(): Promise<Target> {
  const stack = stackFromEnv();
  if (stack?.services.orders)
    return {
      url: stack.services.orders.url,
      jwtSecret: stack.jwtSecret,
      exchange: stack.exchange,
      stop: async () => undefined,
    };
  if (process.env.ORDERS_URL) {
    return {
      url: process.env.ORDERS_URL,
      jwtSecret: process.env.JWT_SECRET ?? 'bigtix-dev-only-secret-change-me',
      exchange: process.env.BIGTIX_EXCHANGE ?? 'bigtix.events',
      stop: async () => undefined,
    };
  }
  return ownService();
}

const user = (t: Target) => {
  const u = { id: new Types.ObjectId().toHexString(), email: `bench-${randomBytes(3).toString('hex')}@example.test` };
  return { ...u, auth: `Bearer ${signUserToken(u, t.jwtSecret, 'cli', 3600).token}` };
};

async function postOrder(t: Target, auth: string, ticketId: string, price: number, others: string[] = []) {
  const started = performance.now();
  const ticketIds = [ticketId, ...others];
  const res = await fetch(`${t.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: auth },
    body: JSON.stringify({ tickets: ticketIds.map((id) => ({ ticketId: id, price })) }),
  });
  const body = (await res.json()) as { id?: string };
  return { status: res.status, ms: performance.now() - started, orderId: body.id ?? null, ticketId };
}

/** Announces M tickets as the tickets service would, and waits until the orders replica knows them. */
async function listTickets(t: Target, channel: amqp.ConfirmChannel, count: number): Promise<string[]> {
  const seller = user(t);
  const ids = Array.from({ length: count }, () => new Types.ObjectId().toHexString());
  for (const [i, id] of ids.entries()) {
    const env = makeEnvelope('ticket.created', 1, 'bench', {
      id,
      title: `Bench seat ${i}`,
      price: 5000,
      currency: 'usd',
      eventId: 'bench',
      userId: seller.id,
      status: 'available',
      orderId: null,
      version: 1,
    });
    await new Promise<void>((resolve, reject) =>
      channel.publish(t.exchange, env.type, Buffer.from(JSON.stringify(env)), { persistent: true }, (err) =>
        err ? reject(err) : resolve(),
      ),
    );
  }
  // The seller ordering their own ticket is a 400 once the replica has it (404 before): no side effect.
  const deadline = Date.now() + 30_000;
  for (const id of ids) {
    await waitFor(async () => (await postOrder(t, seller.auth, id, 5000)).status === 400, {
      what: `ticket ${id} to reach the orders replica`,
      timeoutMs: Math.max(1, deadline - Date.now()),
      intervalMs: 50,
    });
  }
  return ids;
}

interface RunFigures {
  buyers: number;
  tickets: number;
  wallMs: number;
  latencies: number[];
  statuses: Record<number, number>;
  winnersPerTicketOk: boolean;
}

async function oneRun(t: Target, channel: amqp.ConfirmChannel, buyers: number, tickets: number): Promise<RunFigures> {
  const ids = await listTickets(t, channel, tickets);
  const people = Array.from({ length: buyers }, () => user(t));
  const started = performance.now();
  const results = await Promise.all(people.map((p, i) => postOrder(t, p.auth, ids[i % tickets], 5000)));
  const wallMs = performance.now() - started;
  const statuses: Record<number, number> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const winners = new Map<string, number>();
  for (const r of results.filter((x) => x.status === 201)) winners.set(r.ticketId, (winners.get(r.ticketId) ?? 0) + 1);
  const winnersPerTicketOk = ids.every((id) => winners.get(id) === 1);
  return { buyers, tickets, wallMs, latencies: results.map((r) => r.ms), statuses, winnersPerTicketOk };
}

interface RushFigures {
  wallMs: number;
  complete: number;
  refused: number;
  other: number;
  /** Refusals where none of the buyer's tickets ended in a winning order: each one is a liveness bug. */
  refusedForNothing: number;
}

/**
 * The overlapping rush: RUSH_BUYERS buyers at once for RUSH_TICKETS free tickets, buyer i asking
 * for tickets i … i+RUSH_PER_ORDER−1 (wrapping), so every buyer overlaps its neighbours. A buyer
 * should be refused only because a winner holds one of its tickets, so at least two complete
 * orders win every run (20 × 4 of 10).
 */
async function rushRun(t: Target, channel: amqp.ConfirmChannel): Promise<RushFigures> {
  const ids = await listTickets(t, channel, RUSH.tickets);
  const wants = Array.from({ length: RUSH.buyers }, (_, i) =>
    Array.from({ length: RUSH.perOrder }, (_, k) => ids[(i + k) % ids.length]),
  );
  const started = performance.now();
  const results = await Promise.all(wants.map(([first, ...rest]) => postOrder(t, user(t).auth, first, 5000, rest)));
  const wallMs = performance.now() - started;
  const won = new Set(wants.filter((_, i) => results[i].status === 201).flat());
  return {
    wallMs,
    complete: results.filter((r) => r.status === 201).length,
    refused: results.filter((r) => r.status === 409).length,
    other: results.filter((r) => r.status !== 201 && r.status !== 409).length,
    refusedForNothing: results.filter((r, i) => r.status === 409 && !wants[i].some((id) => won.has(id))).length,
  };
}

async function main(): Promise<void> {
  const t = await target();
  const model = await amqp.connect(RABBITMQ_URL);
  const channel = await model.createConfirmChannel();
  await channel.assertExchange(t.exchange, 'topic', { durable: true });
  const figures: RunFigures[][] = [];
  const rushes: RushFigures[] = [];
  try {
    for (const s of SCENARIOS) {
      const runs: RunFigures[] = [];
      for (let r = 0; r < RUNS; r++) runs.push(await oneRun(t, channel, s.buyers, s.tickets));
      figures.push(runs);
      console.error(
        `${s.buyers} buyers × ${s.tickets} tickets: ${runs.map((x) => `${fmt(x.wallMs)} ms ${JSON.stringify(x.statuses)}`).join('; ')}`,
      );
    }
    for (let r = 0; r < RUSH.runs; r++) rushes.push(await rushRun(t, channel));
    console.error(`rush: ${rushes.map((x) => `${x.complete} complete in ${fmt(x.wallMs)} ms`).join('; ')}`);
  } finally {
    await model.close().catch(() => undefined);
    await t.stop();
  }

  const rows = figures.map((runs) => {
    const { buyers, tickets } = runs[0];
    return [
      `${buyers} × ${tickets}`,
      fmtSpread(runs.map((x) => (buyers / x.wallMs) * 1000)),
      fmtSpread(runs.map((x) => percentile(x.latencies, 50))),
      fmtSpread(runs.map((x) => percentile(x.latencies, 99))),
      runs
        .map(
          (x) =>
            `${x.statuses[201] ?? 0}/${x.statuses[409] ?? 0}/${Object.entries(x.statuses)
              .filter(([k]) => Number(k) >= 500)
              .reduce((a, [, v]) => a + v, 0)}`,
        )
        .join(', '),
    ];
  });
  const checks = figures.flatMap((runs) =>
    runs.map((x, i) => ({
      name: `${x.buyers} buyers × ${x.tickets} tickets, run ${i + 1}: exactly ${x.tickets} winners, one per ticket, ${x.buyers - x.tickets} × 409, no 5xx`,
      pass:
        x.statuses[201] === x.tickets &&
        x.statuses[409] === x.buyers - x.tickets &&
        x.winnersPerTicketOk &&
        Object.keys(x.statuses).length <= 2,
      detail: JSON.stringify(x.statuses),
    })),
  );
  const rushCaption = `Overlapping rush: ${RUSH.buyers} buyers at once for ${RUSH.tickets} tickets, ${RUSH.perOrder} overlapping each, ${RUSH.runs} runs`;
  const rushRows = rushes.map((x, i) => [i + 1, x.complete, x.refused, x.refusedForNothing, x.other, fmt(x.wallMs)]);
  checks.push(
    ...rushes.map((x, i) => ({
      name: `rush run ${i + 1}: at least 2 complete orders, no refusal without a winner, no 5xx`,
      pass: x.complete >= 2 && x.refusedForNothing === 0 && x.other === 0,
      detail: JSON.stringify(x),
    })),
  );
  const result: BenchResult = {
    name: 'orders-contention',
    title: 'Order contention',
    command: COMMAND,
    description:
      `N buyers (separate users) each POST /api/orders for one of M tickets, all at once (buyer i → ticket i mod M), against one orders service built with tsc and run from \`services/orders/dist\` on the local FerretDB and RabbitMQ. ` +
      `Tickets are announced with \`ticket.created\` and the run starts once the replica has them. Orders/s = N ÷ wall time from the first request sent to the last answer; latency per request, client side. ${RUNS} runs per scenario: median (min–max).`,
    tables: [
      { columns: ['buyers × tickets', 'decided orders/s', 'p50 ms', 'p99 ms', '201/409/5xx per run'], rows },
      {
        caption: rushCaption,
        columns: ['run', 'complete orders', '409', '409 with no winner among its tickets', 'other', 'wall ms'],
        rows: rushRows,
      },
    ],
    checks,
    raw: figures.map((runs) =>
      runs.map(({ latencies, ...rest }) => ({
        ...rest,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        max: Math.max(...latencies),
      })),
    ),
  };
  if (process.argv.includes('--markdown')) {
    console.log(`## ${result.title}\n\n${result.description}\n\n\`\`\`\n${result.command}\n\`\`\`\n`);
    console.log(
      `| ${result.tables[0].columns.join(' | ')} |\n|${result.tables[0].columns.map(() => '---').join('|')}|`,
    );
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    console.log('');
    const rushTable = result.tables[1];
    console.log(
      `${rushCaption}:\n\n| ${rushTable.columns.join(' | ')} |\n|${rushTable.columns.map(() => '---').join('|')}|`,
    );
    for (const row of rushRows) console.log(`| ${row.join(' | ')} |`);
    console.log('');
    for (const c of checks) console.log(`- ${c.pass ? 'PASS' : 'FAIL'} ${c.name}`);
  } else if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result));
  } else {
    console.table(rows);
    console.table(rushRows);
    for (const c of checks) console.log(`${c.pass ? 'PASS' : 'FAIL'} ${c.name} ${c.detail}`);
  }
  if (checks.some((c) => !c.pass)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
