// Propagation: how long after `POST /api/tickets/create` answers can a buyer hold the ticket?
// The path is tickets' outbox relay → RabbitMQ → orders' consumer → replica; the probe is the
// buyer's own `POST /api/orders`, retried until 201 (404 "unknown ticket" means not there yet).
import { call, expectStatus } from './lib/http';
import { BenchCheck } from './lib/result';
import { commandLine, runScript } from './lib/script';
import { fmt, fmtSpread, median, percentile, spread } from './lib/stats';
import { signUpSeller, signedBuyers } from './lib/users';

/** 200 tickets in all, split over the runs (one ticket at a time: each takes a round of the pipeline). */
const TICKETS_TOTAL = 200;
/** acdcAndFriends: its own event, apart from the reading and contention benchmarks. */
const EVENT_ID = 'vv1AYZ6aBPIpARR';
const PROBE_PAUSE_MS = 2;
const PER_TICKET_DEADLINE_MS = 30_000;

interface Sample {
  ms: number;
  probes: number;
}

runScript('propagation-ticket-to-order', async (stack, o, log) => {
  const seller = await signUpSeller(stack, 'prop-seller');
  const perRun: Sample[][] = [];
  let failures = 0;
  let unexpected: string[] = [];
  let probeMs: number[] = [];

  for (let r = 1; r <= o.runs; r++) {
    const TICKETS_PER_RUN =
      Math.ceil(TICKETS_TOTAL / o.runs) - (r <= Math.ceil(TICKETS_TOTAL / o.runs) * o.runs - TICKETS_TOTAL ? 1 : 0);
    const samples: Sample[] = [];
    // One buyer per ticket, so no per-buyer limit or own-order listing can interfere.
    const buyers = signedBuyers(stack, TICKETS_PER_RUN);
    for (let i = 0; i < TICKETS_PER_RUN; i++) {
      const price = 2_000 + i;
      const created = await call<{ id: string }>(
        'POST',
        `${stack.routerUrl}/api/tickets/create`,
        {
          title: `Propagation ${r}.${i}`,
          price,
          serialNumber: `PROP-${stack.runId}-${r}-${i}`,
          eventId: EVENT_ID,
        },
        { authorization: seller.authorization },
      );
      expectStatus(created, 201, 'create ticket');
      const t0 = performance.now();
      let probes = 0;
      let held = false;
      while (performance.now() - t0 < PER_TICKET_DEADLINE_MS) {
        probes++;
        const res = await call(
          'POST',
          `${stack.routerUrl}/api/orders`,
          { tickets: [{ ticketId: created.body.id, price }] },
          { authorization: buyers[i].authorization },
        );
        probeMs.push(res.ms);
        if (res.status === 201) {
          held = true;
          break;
        }
        if (res.status !== 404) unexpected.push(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        await new Promise((resolve) => setTimeout(resolve, PROBE_PAUSE_MS));
      }
      if (held) samples.push({ ms: performance.now() - t0, probes });
      else failures++;
    }
    perRun.push(samples);
    const ms = samples.map((s) => s.ms);
    log(
      `run ${r}/${o.runs}: p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms, failures ${failures}`,
    );
  }

  const pooled = perRun.flat().map((s) => s.ms);
  const by = (fn: (ms: number[]) => number) => spread(perRun.map((run) => fn(run.map((s) => s.ms))));
  unexpected = unexpected.slice(0, 5);
  const probeMedian = median(probeMs);
  probeMs = [];
  const checks: BenchCheck[] = [
    {
      name: `every ticket holdable within ${PER_TICKET_DEADLINE_MS / 1000} s`,
      pass: failures === 0,
      detail: failures ? `${failures} never became holdable` : undefined,
    },
    {
      name: 'probes answered only 404 (not yet) or 201',
      pass: unexpected.length === 0,
      detail: unexpected.join(' | ') || undefined,
    },
  ];

  return {
    name: 'propagation-ticket-to-order',
    title: 'Propagation: listed to holdable',
    command: commandLine('propagation-ticket-to-order', o),
    description: [
      `${TICKETS_TOTAL} tickets in ${o.runs} runs, one after another: \`POST /api/tickets/create\` (one ticket) returns 201, and the clock starts;`,
      `a buyer then sends \`POST /api/orders\` for that ticket every ${PROBE_PAUSE_MS} ms (after each answer) until it is 201; the clock stops at the 201.`,
      'It covers the tickets outbox relay (nudged on write), RabbitMQ, the orders consumer and its replica write, plus one order round trip.',
      `Resolution is one probe round trip (median ${probeMedian.toFixed(1)} ms here). Per-run percentiles are median (min–max) over ${o.runs} runs; "pooled" is over all ${pooled.length} tickets.`,
    ].join(' '),
    tables: [
      {
        columns: ['figure', 'per run: median (min–max)', 'pooled'],
        rows: [
          [
            'p50, ms',
            fmtSpread(
              by((ms) => percentile(ms, 50)),
              1,
            ),
            fmt(percentile(pooled, 50), 1),
          ],
          [
            'p99, ms',
            fmtSpread(
              by((ms) => percentile(ms, 99)),
              1,
            ),
            fmt(percentile(pooled, 99), 1),
          ],
          [
            'min, ms',
            fmtSpread(
              by((ms) => Math.min(...ms)),
              1,
            ),
            fmt(Math.min(...pooled), 1),
          ],
          [
            'max, ms',
            fmtSpread(
              by((ms) => Math.max(...ms)),
              1,
            ),
            fmt(Math.max(...pooled), 1),
          ],
          [
            'probes per ticket (median)',
            fmtSpread(spread(perRun.map((run) => median(run.map((s) => s.probes))))),
            fmt(median(perRun.flat().map((s) => s.probes))),
          ],
        ],
      },
    ],
    checks,
    raw: perRun.map((run) => run.map((s) => Math.round(s.ms * 10) / 10)),
  };
});
