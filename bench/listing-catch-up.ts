// How long after a 10,000-seat bulk listing returns are all its seats in the orders replica
// (holdable), and where that time goes: the tickets outbox relay (records still pending) or
// RabbitMQ and the orders consumer (published, not yet in the replica). The read fixture's
// listing without the reading load that follows it in read-tickets. Not part of run-all:
//   node bench/dist/listing-catch-up.js --runs 3        (BENCH_CATCH_UP_TICKETS, default 10000)
import os from 'node:os';
import { replicaCount, waitUntil, withServiceDb } from './lib/db';
import { BenchCheck } from './lib/result';
import { commandLine, runScript } from './lib/script';
import { seedTickets } from './lib/seed';
import { fmt, median } from './lib/stats';
import { signUpSeller } from './lib/users';

const TICKETS = Number(process.env.BENCH_CATCH_UP_TICKETS ?? 10_000);
const SAMPLE_MS = 1_000;

interface Run {
  loadStart: string;
  loadEnd: string;
  listingMs: number;
  /** After the listing returned: the tickets outbox had nothing pending. */
  relayDoneMs: number;
  /** After the listing returned: every new seat was in the orders replica. */
  replicaDoneMs: number;
}

const load = () => os.loadavg()[0].toFixed(1);

runScript('listing-catch-up', async (stack, o, log) => {
  const seller = await signUpSeller(stack, 'catch-up-seller');
  const runs: Run[] = [];
  const pendingNow = () =>
    withServiceDb(stack, 'tickets', async (db) => db.collection('ticket_changes').countDocuments({ pending: 1 }));
  for (let r = 1; r <= o.runs; r++) {
    const loadStart = load();
    const before = await replicaCount(stack);
    const started = performance.now();
    const seeded = await seedTickets(stack, seller, TICKETS, stack.eventId, `catch${r}-${Date.now()}`);
    const returned = performance.now();
    const total = before + seeded.tickets.length;
    let relayDoneMs: number | null = null;
    await withServiceDb(stack, 'orders', async (db) => {
      const replica = db.collection('tickets');
      await waitUntil(
        `the orders replica to reach ${total} tickets`,
        async () => {
          const [pending, have] = await Promise.all([pendingNow(), replica.countDocuments({})]);
          const at = performance.now() - returned;
          if (pending === 0 && relayDoneMs === null) relayDoneMs = at;
          log(
            `  run ${r} +${(at / 1000).toFixed(1)} s: ${pending} pending in the outbox, ${have - before} in the replica`,
          );
          return have >= total;
        },
        600_000,
        SAMPLE_MS,
      );
    });
    const replicaDoneMs = performance.now() - returned;
    const run: Run = {
      loadStart,
      loadEnd: load(),
      listingMs: returned - started,
      relayDoneMs: relayDoneMs ?? replicaDoneMs,
      replicaDoneMs,
    };
    runs.push(run);
    log(
      `run ${r}/${o.runs}: listed in ${fmt(run.listingMs)} ms; outbox empty after ${fmt(run.relayDoneMs)} ms, replica complete after ${fmt(run.replicaDoneMs)} ms (load ${run.loadStart} → ${run.loadEnd})`,
    );
  }
  const checks: BenchCheck[] = [
    { name: 'catch-up', pass: median(runs.map((x) => x.replicaDoneMs)) <= 15_000, detail: 'goal: ≤ 15 s (median)' },
  ];
  return {
    name: 'listing-catch-up',
    title: 'Bulk listing → orders replica catch-up',
    command: commandLine('listing-catch-up', o),
    description: `${TICKETS.toLocaleString('en-US')} seats listed by one seller through the bulk route (1000 rows a request), then the outbox and the orders replica sampled every ${SAMPLE_MS} ms until the replica holds them all. Times after the listing returned; the outbox figure is the first sample with nothing pending (so up to ${SAMPLE_MS} ms late).`,
    tables: [
      {
        columns: ['run', 'load average', 'listing, ms', 'outbox empty, ms', 'all in the orders replica, ms'],
        rows: runs.map((x, i) => [
          i + 1,
          `${x.loadStart} → ${x.loadEnd}`,
          fmt(x.listingMs),
          fmt(x.relayDoneMs),
          fmt(x.replicaDoneMs),
        ]),
      },
    ],
    checks,
    raw: runs,
  };
});
