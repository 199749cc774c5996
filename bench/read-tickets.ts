// Reading under load: the event listing (cheapest first) and one ticket, through the router at
// 50 connections, next to a bare Koa "hello" directly and through the same router hop, so each
// figure is also a fraction of what the framework and the hop allow on this machine.
import { waitUntil } from './lib/db';
import { call } from './lib/http';
import { ensureReadFixture } from './lib/read-fixture';
import { LoadResult, runLoad } from './lib/load';
import { BenchCheck } from './lib/result';
import { commandLine, runScript } from './lib/script';
import { fmt, fmtSpread, median, percentile, spread } from './lib/stats';

const CONNECTIONS = 50;

interface Target {
  key: string;
  label: string;
  url: string;
  path: string | (() => string);
}

runScript('read-tickets', async (stack, o, log) => {
  const fixture = await ensureReadFixture(stack, log);
  const ids = fixture.ticketIds;
  const randomTicket = () => `/api/tickets/${ids[Math.floor(Math.random() * ids.length)]}`;
  const listing = `/api/tickets/event/${fixture.eventId}?sort=price`;
  const tickets = stack.services.tickets.url;

  // The listing goes last in each round: when it overloads the service, its abandoned queries
  // still run after autocannon stops, so the next target waits for the service to drain first.
  const targets: Target[] = [
    { key: 'hello', label: 'bare Koa hello', url: stack.routerUrl, path: '/bench-hello' },
    { key: 'hello-direct', label: 'bare Koa hello, direct', url: stack.helloUrl, path: '/bench-hello' },
    { key: 'one', label: 'GET /api/tickets/:id (random of the 10,000)', url: stack.routerUrl, path: randomTicket },
    { key: 'one-direct', label: 'one ticket, direct to tickets', url: tickets, path: randomTicket },
    {
      key: 'list',
      label: `GET /api/tickets/event/:eventId?sort=price (first page of ${ids.length.toLocaleString('en-US')})`,
      url: stack.routerUrl,
      path: listing,
    },
    { key: 'list-direct', label: 'event listing, direct to tickets', url: tickets, path: listing },
  ];
  const hop = (t: Target) => (t.url === stack.routerUrl ? 'router' : 'direct');

  const drained = () =>
    waitUntil(
      'the tickets service to answer one ticket within 1 s',
      async () => (await call('GET', `${tickets}${randomTicket()}`, undefined, {}, 10_000)).ms < 1_000,
      180_000,
      500,
    );

  // The listing's cost with nothing else in flight, one request at a time.
  const alone: number[] = [];
  for (let i = 0; i < 5; i++) alone.push((await call('GET', `${tickets}${listing}`, undefined, {}, 60_000)).ms);
  log(`listing alone: ${alone.map((ms) => ms.toFixed(0)).join(', ')} ms`);

  // Warm-up (JIT, connection pools, FerretDB caches): short and not counted.
  for (const t of targets) {
    await drained();
    await runLoad({ url: t.url, path: t.path, connections: CONNECTIONS, durationSeconds: 2 });
  }

  // Runs are interleaved target by target, so a slow patch on the shared machine hits every
  // target alike instead of making one look worse.
  const runs: Record<string, LoadResult[]> = Object.fromEntries(targets.map((t) => [t.key, []]));
  for (let r = 1; r <= o.runs; r++) {
    for (const t of targets) {
      await drained();
      const res = await runLoad({
        url: t.url,
        path: t.path,
        connections: CONNECTIONS,
        durationSeconds: o.durationSeconds,
      });
      runs[t.key].push(res);
      log(
        `run ${r}/${o.runs} ${t.key} (${hop(t)}): ${res.rps.toFixed(0)} req/s, p50 ${res.p50} ms, p99 ${res.p99} ms, non-2xx ${res.non2xx}, errors ${res.errors}`,
      );
    }
  }

  const medRps = (key: string) => median(runs[key].map((x) => x.rps));
  const ceiling = (t: Target) => medRps(hop(t) === 'router' ? 'hello' : 'hello-direct');
  const rows = targets.map((t) => {
    const rs = runs[t.key];
    return [
      t.label,
      hop(t),
      fmtSpread(spread(rs.map((x) => x.rps))),
      fmtSpread(spread(rs.map((x) => x.p50))),
      fmtSpread(spread(rs.map((x) => x.p99))),
      t.key.startsWith('hello') ? '1' : fmt(medRps(t.key) / ceiling(t), 3),
      rs.reduce((n, x) => n + x.total, 0).toLocaleString('en-US'),
      rs.reduce((n, x) => n + x.non2xx + x.errors + x.timeouts, 0),
    ];
  });

  const checks: BenchCheck[] = targets.map((t) => {
    const bad = runs[t.key].reduce((n, x) => n + x.non2xx + x.errors + x.timeouts, 0);
    return {
      name: `${t.key}: every response 2xx, no errors or timeouts`,
      pass: bad === 0,
      detail: bad ? `${bad} failed` : undefined,
    };
  });

  checks.push({
    name: 'seeding: every bulk row answered created',
    pass: fixture.phantomDuplicates === 0,
    detail: fixture.phantomDuplicates
      ? `${fixture.phantomDuplicates} rows of a fresh request answered already_listed; the orders replica knows ${fixture.phantomsInReplica} of them after every other row arrived (their ticket.created was dropped with the change record)`
      : undefined,
  });

  return {
    name: 'read-tickets',
    title: 'Reading: event listing and one ticket at 50 connections',
    command: commandLine('read-tickets', o),
    description: [
      `${ids.length.toLocaleString('en-US')} available tickets in one event (${fixture.eventId}), listed by one seller with the bulk route (10 × 1000 rows${fixture.seedSeconds !== null ? `, ${fixture.seedSeconds.toFixed(1)} s; the orders replica caught up ${fixture.replicaCatchUpSeconds!.toFixed(1)} s later` : ''}).`,
      `autocannon (programmatic API), ${CONNECTIONS} connections, ${o.durationSeconds} s per run, ${o.runs} runs per target interleaved, after a 2 s unmeasured warm-up.`,
      "The router is the dev runner's one-origin router (http-proxy) in its own process; every service runs as its own `node services/<name>/dist/index.js`.",
      '"vs hello" is the median req/s divided by the bare Koa hello\'s median over the same hop: the share of the framework\'s ceiling on this machine.',
      `Before each measured target the script waits until the tickets service answers a single ticket within 1 s, so one target's backlog does not count against the next.`,
      `The same listing with nothing else in flight, one request at a time (5 requests, direct to tickets): median ${fmt(median(alone))} ms, max ${fmt(Math.max(...alone))} ms.`,
      "Figures are median (min–max) over runs; latencies in ms; autocannon's request timeout is 10 s (a timed-out request counts as an error).",
    ].join(' '),
    tables: [
      {
        columns: ['endpoint', 'hop', 'req/s', 'p50 ms', 'p99 ms', 'vs hello', 'requests', 'non-2xx/errors'],
        rows,
      },
    ],
    checks,
    raw: {
      eventId: fixture.eventId,
      tickets: ids.length,
      listingAloneMs: alone,
      p99Alone: percentile(alone, 99),
      runs,
    },
  };
});
