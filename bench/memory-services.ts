// Resident memory (VmRSS from /proc/<pid>/status) of every service, the router and the bare Koa
// app: idle (after the 10,000-ticket fixture is seeded and consumed), then under the reading
// load (event listing and one ticket at 50 connections through the router, alternating).
import { ensureReadFixture } from './lib/read-fixture';
import { runLoad } from './lib/load';
import { sampleRss } from './lib/rss-sampler';
import { commandLine, runScript } from './lib/script';
import { fmt, fmtSpread, median, spread } from './lib/stats';
import { BenchCheck } from './lib/result';

const IDLE_SECONDS = 5;

runScript('memory-services', async (stack, o, log) => {
  const fixture = await ensureReadFixture(stack, log);
  const pids: Record<string, number> = {
    ...Object.fromEntries(Object.entries(stack.services).map(([name, s]) => [name, s.pid])),
    router: stack.routerPid,
    'hello-koa': stack.helloPid,
  };
  const ids = fixture.ticketIds;
  const listing = `/api/tickets/event/${fixture.eventId}?sort=price`;

  const idle: Record<string, number[]>[] = [];
  const loaded: Record<string, number[]>[] = [];
  let bad = 0;
  for (let r = 1; r <= o.runs; r++) {
    const idleSampler = sampleRss(pids, 500);
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    idle.push(idleSampler.stop());

    const loadSampler = sampleRss(pids, 250);
    // Half the duration on the listing, half on single tickets: the reading mix.
    const half = Math.max(1, Math.round(o.durationSeconds / 2));
    const a = await runLoad({ url: stack.routerUrl, path: listing, connections: 50, durationSeconds: half });
    const b = await runLoad({
      url: stack.routerUrl,
      path: () => `/api/tickets/${ids[Math.floor(Math.random() * ids.length)]}`,
      connections: 50,
      durationSeconds: half,
    });
    loaded.push(loadSampler.stop());
    bad += a.non2xx + a.errors + b.non2xx + b.errors;
    log(
      `run ${r}/${o.runs}: tickets idle ${median(idle[r - 1].tickets ?? []).toFixed(0)} MiB, under load peak ${Math.max(...(loaded[r - 1].tickets ?? [NaN])).toFixed(0)} MiB`,
    );
  }

  const rows = Object.keys(pids).map((name) => {
    const idleMed = spread(idle.map((run) => median(run[name])));
    const loadMed = spread(loaded.map((run) => median(run[name])));
    const loadPeak = spread(loaded.map((run) => Math.max(...run[name])));
    return [name, fmtSpread(idleMed), fmtSpread(loadMed), fmtSpread(loadPeak), fmt(loadPeak.median - idleMed.median)];
  });
  const checks: BenchCheck[] = [
    { name: 'load responses all 2xx', pass: bad === 0, detail: bad ? `${bad} failed` : undefined },
  ];

  return {
    name: 'memory-services',
    title: 'Resident memory: idle and under the reading load',
    command: commandLine('memory-services', o),
    description: [
      `VmRSS of each process from /proc/<pid>/status, in MiB. Idle: sampled every 0.5 s for ${IDLE_SECONDS} s with nothing in flight, after ${ids.length.toLocaleString('en-US')} tickets were listed and consumed by orders.`,
      `Under load: sampled every 0.25 s while autocannon sends 50 connections through the router, ${Math.max(1, Math.round(o.durationSeconds / 2))} s at the event listing then ${Math.max(1, Math.round(o.durationSeconds / 2))} s at random single tickets.`,
      `Median (min–max) over ${o.runs} runs of the per-run median (idle, load) or maximum (peak). Services run from dist/ with Node defaults (no --max-old-space-size).`,
    ].join(' '),
    tables: [{ columns: ['process', 'idle MiB', 'under load MiB', 'peak under load MiB', 'peak − idle'], rows }],
    checks,
    raw: {
      idle,
      loaded: loaded.map((run) =>
        Object.fromEntries(Object.entries(run).map(([k, v]) => [k, { median: median(v), max: Math.max(...v) }])),
      ),
    },
  };
});
