// Bulk listing through the tickets API: 10,000 tickets as 10 requests of 1000 rows, 3 runs.
//
//   npx tsc -b services/tickets tools/fake-ticketmaster && npx tsx bench/tickets-bulk-create.ts
//
// Without BENCH_STACK (run-all) or TICKETS_URL it starts its own stack from the BUILT output
// (typegoose needs decorator metadata, so the service never runs under tsx): the fake
// Ticketmaster and `node services/tickets/dist/index.js` on free ports, against a fresh FerretDB
// database that is dropped afterwards. The bench itself only speaks HTTP, so tsx is fine here.
// `--json` prints a BenchResult as the last line; `--markdown` prints the docs section.
import { signUserToken } from '@bigtix/middleware';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Types } from 'mongoose';
import mongoose from 'mongoose';
import { Child, freePort, rssMiB, startNode, waitHealthy } from './lib/processes';
import type { BenchResult } from './lib/result';
import { stackFromEnv } from './lib/stack-info';
import { fmt, median } from './lib/stats';

const ROOT = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const REQUESTS = 10;
const ROWS = 1000;
const COMMAND = 'npx tsc -b services/tickets tools/fake-ticketmaster && npx tsx bench/tickets-bulk-create.ts';

interface Target {
  url: string;
  jwtSecret: string;
  eventIds: string[];
  ticketmasterUrl: string | null;
  pid: number | null;
  stop(): Promise<void>;
}

async function ownStack(): Promise<Target> {
  const id = randomBytes(4).toString('hex');
  const logDir = path.join(ROOT, '.artifacts', 'bench', `tickets-bulk-${id}`);
  const tmPort = await freePort();
  const children: Child[] = [];
  const tm = startNode(
    'fake-ticketmaster',
    path.join(ROOT, 'tools/fake-ticketmaster/dist/main.js'),
    {
      ...process.env,
      FAKE_TICKETMASTER_PORT: String(tmPort),
      FAKE_TICKETMASTER_RATE_LIMIT: '5',
    },
    logDir,
  );
  children.push(tm);
  const ticketmasterUrl = `http://127.0.0.1:${tmPort}`;
  await waitHealthy(tm, `${ticketmasterUrl}/__control/health`);
  const port = await freePort();
  const mongoUrl = `${process.env.BENCH_MONGO_BASE ?? 'mongodb://127.0.0.1:27017'}/bench-tickets-bulk-${id}`;
  const jwtSecret = 'bench-tickets-bulk-secret';
  const svc = startNode(
    'tickets',
    path.join(ROOT, 'services/tickets/dist/index.js'),
    {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGO_URL: mongoUrl,
      BIGTIX_EXCHANGE: `bigtix.bench.${id}`,
      BIGTIX_QUEUE_PREFIX: `bench.${id}.`,
      JWT_SECRET: jwtSecret,
      TICKETMASTER_BASE_URL: ticketmasterUrl,
    },
    logDir,
  );
  children.push(svc);
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(svc, `${url}/readyz`);
  return {
    url,
    jwtSecret,
    eventIds: ['vvG1OMw20GdtWRW4', 'vvG1MYsdtpr5vTtG', 'G5vfpSe7Mg4lAnoY', 'Z698xZpwIjZ3lN'],
    ticketmasterUrl,
    pid: svc.pid,
    async stop() {
      for (const c of children.reverse()) await c.stop();
      const conn = await mongoose.createConnection(mongoUrl).asPromise();
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
    },
  };
}

async function target(): Promise<Target> {
  const stack = stackFromEnv();
  if (stack?.services.tickets) {
    return {
      url: stack.services.tickets.url,
      jwtSecret: stack.jwtSecret,
      eventIds: [stack.eventId],
      ticketmasterUrl: stack.ticketmasterUrl,
      pid: stack.services.tickets.pid,
      stop: async () => undefined,
    };
  }
  if (process.env.TICKETS_URL) {
    return {
      url: process.env.TICKETS_URL,
      jwtSecret: process.env.JWT_SECRET ?? 'bigtix-dev-only-secret-change-me',
      eventIds: (process.env.BENCH_EVENT_IDS ?? 'vvG1OMw20GdtWRW4').split(','),
      ticketmasterUrl: process.env.TICKETMASTER_CONTROL_URL ?? null,
      pid: null,
      stop: async () => undefined,
    };
  }
  return ownStack();
}

async function ticketmasterCalls(t: Target): Promise<number | null> {
  if (!t.ticketmasterUrl) return null;
  const res = await fetch(`${t.ticketmasterUrl}/__control/requests`).catch(() => null);
  if (!res?.ok) return null;
  return ((await res.json()) as { requests: unknown[] }).requests.length;
}

interface RunFigures {
  totalMs: number;
  requestMs: number[];
  rerunMs: number;
  created: number;
  alreadyListed: number;
  ticketmasterCalls: number | null;
}

async function oneRun(t: Target, run: number): Promise<RunFigures> {
  const seller = { id: new Types.ObjectId().toHexString(), email: `bench-${run}@example.test` };
  const { token } = signUserToken(seller, t.jwtSecret, 'cli', 3600);
  const batches = Array.from({ length: REQUESTS }, (_, b) =>
    Array.from({ length: ROWS }, (_, i) => ({
      title: `Bench run ${run} section ${b} seat ${i}`,
      price: 5_000 + ((b * ROWS + i) % 20_000),
      description: 'Benchmark listing',
      serialNumber: `BENCH-${seller.id}-${b}-${i}`,
      eventId: t.eventIds[(b * ROWS + i) % t.eventIds.length],
    })),
  );
  const post = async (tickets: unknown[]) => {
    const started = performance.now();
    const res = await fetch(`${t.url}/api/tickets/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ tickets }),
    });
    const body = (await res.json()) as { created: number; alreadyListed: number; failed: number };
    if (res.status !== 201 || body.failed > 0)
      throw new Error(`bulk create answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
    return { ms: performance.now() - started, body };
  };
  const callsBefore = await ticketmasterCalls(t);
  const started = performance.now();
  const requestMs: number[] = [];
  let created = 0;
  for (const batch of batches) {
    const { ms, body } = await post(batch);
    requestMs.push(ms);
    created += body.created;
  }
  const totalMs = performance.now() - started;
  const callsAfter = await ticketmasterCalls(t);
  // Re-running the last file must create nothing: every row comes back already_listed.
  const rerun = await post(batches[REQUESTS - 1]);
  return {
    totalMs,
    requestMs,
    rerunMs: rerun.ms,
    created,
    alreadyListed: rerun.body.alreadyListed,
    ticketmasterCalls: callsBefore === null || callsAfter === null ? null : callsAfter - callsBefore,
  };
}

async function main() {
  const t = await target();
  const runs: RunFigures[] = [];
  try {
    for (let run = 1; run <= RUNS; run++) {
      const r = await oneRun(t, run);
      runs.push(r);
      console.error(
        `run ${run}: ${fmt(r.totalMs)} ms for ${r.created} tickets; per request median ${fmt(median(r.requestMs))} ms; re-run of 1000 rows ${fmt(r.rerunMs)} ms (${r.alreadyListed} already listed); Ticketmaster calls ${r.ticketmasterCalls ?? 'n/a'}`,
      );
    }
  } finally {
    const rss = t.pid ? rssMiB(t.pid) : NaN;
    if (Number.isFinite(rss)) console.error(`tickets service RSS after the runs: ${fmt(rss)} MiB`);
    await t.stop();
  }
  const total = median(runs.map((r) => r.totalMs));
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${fmt(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, FerretDB 1.24 on PostgreSQL`;
  const result: BenchResult = {
    name: 'tickets-bulk-create',
    title: 'Bulk listing (tickets API)',
    command: COMMAND,
    description: `One seller lists ${REQUESTS * ROWS} tickets as ${REQUESTS} sequential \`POST /api/tickets/create\` requests of ${ROWS} rows (spread over ${t.eventIds.length} events), against the tickets service built with tsc, on FerretDB. ${RUNS} runs, each with a new seller; the median is reported. Each run then re-sends its last 1000 rows, which must come back \`already_listed\`.`,
    tables: [
      {
        columns: ['figure', `median of ${RUNS}`, 'runs'],
        rows: [
          [
            `${REQUESTS * ROWS} tickets (${REQUESTS} × ${ROWS})`,
            `${fmt(total)} ms`,
            runs.map((r) => fmt(r.totalMs)).join(' / '),
          ],
          [
            'tickets per second',
            fmt((REQUESTS * ROWS) / (total / 1000)),
            runs.map((r) => fmt((REQUESTS * ROWS) / (r.totalMs / 1000))).join(' / '),
          ],
          [
            `one request of ${ROWS} rows`,
            `${fmt(median(runs.flatMap((r) => r.requestMs)))} ms`,
            runs.map((r) => fmt(median(r.requestMs))).join(' / '),
          ],
          [
            `re-run of ${ROWS} rows (all already listed)`,
            `${fmt(median(runs.map((r) => r.rerunMs)))} ms`,
            runs.map((r) => fmt(r.rerunMs)).join(' / '),
          ],
          [
            'Ticketmaster calls per run',
            String(runs[0]?.ticketmasterCalls ?? 'n/a'),
            runs.map((r) => String(r.ticketmasterCalls ?? 'n/a')).join(' / '),
          ],
        ],
      },
    ],
    checks: [
      { name: 'every row created', pass: runs.every((r) => r.created === REQUESTS * ROWS) },
      { name: 're-run creates nothing', pass: runs.every((r) => r.alreadyListed === ROWS) },
    ],
    notes: [`Machine: ${machine}.`],
    raw: runs,
  };
  if (process.argv.includes('--markdown')) console.log(toMarkdown(result));
  else if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else console.log(toMarkdown(result));
}

function toMarkdown(r: BenchResult): string {
  const lines = [`## ${r.title}`, '', r.description, '', '```', r.command, '```', ''];
  for (const table of r.tables) {
    lines.push(`| ${table.columns.join(' | ')} |`, `|${table.columns.map(() => '---').join('|')}|`);
    for (const row of table.rows) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
  }
  for (const c of r.checks ?? []) lines.push(`- ${c.pass ? 'PASS' : 'FAIL'}: ${c.name}`);
  for (const n of r.notes ?? []) lines.push(`- ${n}`);
  return lines.join('\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
