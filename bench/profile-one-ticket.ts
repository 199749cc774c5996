// One ticket by id through the router, next to the bare Koa hello over the same hop (the issue's
// "vs hello" ratio), without waiting on the outbox: 10,000 tickets are written straight into the
// tickets database, so nothing is left in flight while it measures. With BENCH_CPU_PROF=tickets
// the bench stack runs the tickets service under `node --cpu-prof` and the profile is written
// when the stack stops; summarise it with profile-summary:
//   BENCH_CPU_PROF=tickets BENCH_CPU_PROF_DIR=/tmp/prof node bench/dist/profile-one-ticket.js --duration 10
//   node bench/dist/profile-summary.js /tmp/prof/*.cpuprofile
import { writeTicketsDirectly } from './lib/direct-tickets';
import { LoadResult, runLoad } from './lib/load';
import { commandLine, runScript } from './lib/script';
import { fmt, fmtSpread, median, spread } from './lib/stats';

const TICKETS = 10_000;
const CONNECTIONS = 50;

runScript('profile-one-ticket', async (stack, o, log) => {
  const ids = await writeTicketsDirectly(stack, TICKETS);
  log(`${TICKETS} tickets written to the tickets database`);
  const pick = () => `/api/tickets/${ids[Math.floor(Math.random() * ids.length)]}`;
  const targets = [
    { key: 'hello', label: 'bare Koa hello', path: () => '/bench-hello' },
    { key: 'one', label: `GET /api/tickets/:id (random of ${TICKETS.toLocaleString('en-US')})`, path: pick },
  ];
  for (const t of targets)
    await runLoad({ url: stack.routerUrl, path: t.path, connections: CONNECTIONS, durationSeconds: 2 });
  const runs: Record<string, LoadResult[]> = { hello: [], one: [] };
  for (let r = 1; r <= o.runs; r++) {
    for (const t of targets) {
      const res = await runLoad({
        url: stack.routerUrl,
        path: t.path,
        connections: CONNECTIONS,
        durationSeconds: o.durationSeconds,
      });
      runs[t.key].push(res);
      log(`run ${r}/${o.runs} ${t.key}: ${fmt(res.rps)} req/s, p50 ${res.p50} ms, p99 ${res.p99} ms`);
    }
  }
  const medRps = (key: string) => median(runs[key].map((x) => x.rps));
  const bad = (key: string) => runs[key].reduce((n, x) => n + x.non2xx + x.errors + x.timeouts, 0);
  return {
    name: 'profile-one-ticket',
    title: 'One ticket by id vs hello, through the router',
    command: commandLine('profile-one-ticket', o),
    description: `${TICKETS.toLocaleString('en-US')} tickets written straight into the tickets database (no outbox backlog while measuring); autocannon, ${CONNECTIONS} connections, ${o.durationSeconds} s per run, ${o.runs} runs interleaved after a 2 s warm-up, all through the dev router.`,
    tables: [
      {
        columns: ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'vs hello', 'non-2xx/errors'],
        rows: targets.map((t) => [
          t.label,
          fmtSpread(spread(runs[t.key].map((x) => x.rps))),
          fmtSpread(spread(runs[t.key].map((x) => x.p50))),
          fmtSpread(spread(runs[t.key].map((x) => x.p99))),
          fmt(medRps(t.key) / medRps('hello'), 3),
          bad(t.key),
        ]),
      },
    ],
    checks: targets.map((t) => ({ name: `${t.key}: every response 2xx`, pass: bad(t.key) === 0 })),
    raw: { runs },
  };
});
