// How long after a 10,000-seat bulk listing returns are all its seats in the orders replica
// (holdable), and where that time goes: the tickets outbox relay (records still pending) or
// RabbitMQ and the orders consumer (published, not yet in the replica). The read fixture's
// listing without the reading load that follows it in read-tickets. Not part of run-all:
//   node bench/dist/listing-catch-up.js --runs 3        (BENCH_CATCH_UP_TICKETS, default 10000;
//   BENCH_CATCH_UP_RUNS overrides --runs, which is at least 3)
import os from 'node:os';
import { replicaCount, waitUntil, withServiceDb } from './lib/db';
import { BenchCheck } from './lib/result';
import { commandLine, runScript } from './lib/script';
import { seedTickets } from './lib/seed';
import { fmt, median } from './lib/stats';
import { signUpSeller } from './lib/users';

const TICKETS = Number(process.env.BENCH_CATCH_UP_TICKETS ?? 10_000);
const SAMPLE_MS = 2_000;

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
  const results: Run[] = [];
  const runs = Number(process.env.BENCH_CATCH_UP_RUNS ?? o.runs);
  for (let r = 1; r <= runs; r++) {
    const loadStart = load();
    const before = await replicaCount(stack);
    const started = performance.now();
    const seeded = await seedTickets(stack, seller, TICKETS, stack.eventId, `catch${r}-${Date.now()}`);
    const returned = performance.now();
    const total = before + seeded.tickets.length;
    const last = seeded.tickets[seeded.tickets.length - 1].id;
    let relayDoneMs: number | null = null;
    // Cheap probes only (a count on FerretDB decodes every matching document, and a count of the
    // pending records every second slowed the very relay it watched): is anything pending, is the
    // last listed seat in the replica; the replica is counted once that seat is there.
    await withServiceDb(stack, 'tickets', (tickets) =>
      withServiceDb(stack, 'orders', async (orders) => {
        const replica = orders.collection('tickets');
        await waitUntil(
          `the orders replica to reach ${total} tickets`,
          async () => {
            const [pending, lastIn] = await Promise.all([
              tickets.collection('ticket_changes').findOne({ pending: 1 }, { projection: { _id: 1 } }),
              replica.findOne({ _id: last } as never, { projection: { _id: 1 } }),
            ]);
            const at = performance.now() - returned;
            if (!pending && relayDoneMs === null) relayDoneMs = at;
            const have = lastIn ? await replica.countDocuments({}) : null;
            log(
              `  run ${r} +${(at / 1000).toFixed(1)} s: outbox ${pending ? 'pending' : 'empty'}, last seat ${lastIn ? `in the replica (${have! - before} of ${seeded.tickets.length})` : 'not yet in the replica'}`,
            );
            return have !== null && have >= total;
          },
          900_000,
          SAMPLE_MS,
        );
      }),
    );
    const replicaDoneMs = performance.now() - returned;
    const run: Run = {
      loadStart,
      loadEnd: load(),
      listingMs: returned - started,
      relayDoneMs: relayDoneMs ?? replicaDoneMs,
      replicaDoneMs,
    };
    results.push(run);
    log(
      `run ${r}/${runs}: listed in ${fmt(run.listingMs)} ms; outbox empty after ${fmt(run.relayDoneMs)} ms, replica complete after ${fmt(run.replicaDoneMs)} ms (load ${run.loadStart} → ${run.loadEnd})`,
    );
  }
  const checks: BenchCheck[] = [
    { name: 'catch-up', pass: median(results.map((x) => x.replicaDoneMs)) <= 15_000, detail: 'goal: ≤ 15 s (median)' },
  ];
  return {
    name: 'listing-catch-up',
    title: 'Bulk listing → orders replica catch-up',
    command: `${process.env.BENCH_CATCH_UP_RUNS ? `BENCH_CATCH_UP_RUNS=${runs} ` : ''}${commandLine('listing-catch-up', o)}`,
    description: `${TICKETS.toLocaleString('en-US')} seats listed by one seller through the bulk route (1000 rows a request), then the outbox (anything pending?) and the orders replica (the last listed seat there?, then the count) sampled every ${SAMPLE_MS} ms until the replica holds them all. Times after the listing returned; the outbox figure is the first sample with nothing pending (so up to ${SAMPLE_MS} ms late).`,
    tables: [
      {
        columns: ['run', 'load average', 'listing, ms', 'outbox empty, ms', 'all in the orders replica, ms'],
        rows: results.map((x, i) => [
          i + 1,
          `${x.loadStart} → ${x.loadEnd}`,
          fmt(x.listingMs),
          fmt(x.relayDoneMs),
          fmt(x.replicaDoneMs),
        ]),
      },
    ],
    checks,
    raw: results,
  };
});
