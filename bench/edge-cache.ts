// What an edge cache absorbs: Debian's nginx, configured with the chart's own cache directives
// (deploy/helm/bigtix/files/public-cache*.conf), in front of the router, against the same reads
// sent to the router directly. The services mark events, listings and one ticket cacheable for
// anonymous callers (Cache-Control s-maxage + ETag), so nginx answers most of a rush itself.
import { spawnSync } from 'node:child_process';
import { startProcess } from '@bigtix/dev-runner';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitUntil } from './lib/db';
import { call } from './lib/http';
import { LoadResult, runLoad } from './lib/load';
import { freePort } from './lib/processes';
import { writeTicketsDirectly } from './lib/direct-tickets';
import { BenchCheck } from './lib/result';
import { commandLine, runScript } from './lib/script';
import { REPO_ROOT } from './lib/stack';
import { fmt, fmtSpread, median, spread } from './lib/stats';

const CONNECTIONS = 50;
// A fake-Ticketmaster event of its own, so run-all's other read benchmarks keep their listing.
const EVENT_ID = 'G5vfpSe7Mg4lAnoY';
const FILES = path.join(REPO_ROOT, 'deploy', 'helm', 'bigtix', 'files');

interface Edge {
  url: string;
  stop: () => Promise<void>;
}

/** nginx in the foreground with a private prefix, config and cache; null if nginx is not installed. */
async function startNginx(upstream: string, log: (line: string) => void): Promise<Edge | null> {
  const bin = spawnSync('bash', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' }).stdout.trim();
  if (!bin) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bigtix-edge-'));
  // Started as root, nginx's workers run as www-data and must reach the cache and temp dirs.
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const zone = fs
    .readFileSync(path.join(FILES, 'public-cache-zone.conf'), 'utf8')
    .replace(/proxy_cache_path \S+/, `proxy_cache_path ${path.join(dir, 'cache')}`);
  const { host } = new URL(upstream);
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  ${zone}
  upstream router { server ${host}; keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://router;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      include ${path.join(FILES, 'public-cache.conf')};
    }
  }
}
`,
  );
  const nginx = startProcess({
    name: 'nginx',
    command: bin,
    args: ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`],
    env: process.env,
    output: { kind: 'memory' },
  });
  const child = nginx.child;
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${fs.readFileSync(`${dir}/error.log`, 'utf8')}`);
    const ok = await call('GET', `${url}/bench-hello`, undefined, {}, 1_000).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`nginx ${bin} at ${url} (config and cache in ${dir})`);
  return {
    url,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGQUIT');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** GET requests the tickets service itself answered so far, from its Prometheus counter. */
async function ticketsServed(ticketsUrl: string): Promise<number> {
  const res = await fetch(`${ticketsUrl}/metrics`);
  let n = 0;
  for (const line of (await res.text()).split('\n')) {
    const m = /^http_requests_total\{([^}]*)\} (\d+)/.exec(line);
    if (m && m[1].includes('method="GET"') && /route="\/api\/(tickets|events)/.test(m[1])) n += Number(m[2]);
  }
  return n;
}

interface Target {
  key: string;
  label: string;
  edge: boolean;
  path: string | (() => string);
}

runScript('edge-cache', async (stack, o, log) => {
  const edge = await startNginx(stack.routerUrl, log);
  if (!edge) throw new Error('nginx is not installed (apt-get install nginx)');
  try {
    const ids = await writeTicketsDirectly(stack, 10_000, EVENT_ID);
    const hot = ids.slice(0, 100);
    const pick = (from: string[]) => () => `/api/tickets/${from[Math.floor(Math.random() * from.length)]}`;
    const listing = `/api/tickets/event/${EVENT_ID}?sort=price`;
    // The listing is measured through nginx only: uncached, 50 connections sorting 10,000 tickets
    // each time outlast autocannon's timeout on a loaded machine and leave the service busy for the
    // targets after it (read-tickets measures it uncached).
    const targets: Target[] = [
      { key: 'hello', label: 'bare Koa hello (not cacheable)', edge: false, path: '/bench-hello' },
      { key: 'hello-edge', label: 'bare Koa hello (not cacheable)', edge: true, path: '/bench-hello' },
      { key: 'list-edge', label: 'event listing, first page (cheapest)', edge: true, path: listing },
      { key: 'hot', label: 'one ticket, random of 100 hot ones', edge: false, path: pick(hot) },
      { key: 'hot-edge', label: 'one ticket, random of 100 hot ones', edge: true, path: pick(hot) },
      {
        key: 'one',
        label: `one ticket, random of ${ids.length.toLocaleString('en-US')}`,
        edge: false,
        path: pick(ids),
      },
      {
        key: 'one-edge',
        label: `one ticket, random of ${ids.length.toLocaleString('en-US')}`,
        edge: true,
        path: pick(ids),
      },
    ];
    const urlOf = (t: Target) => (t.edge ? edge.url : stack.routerUrl);
    // The uncached listing overloads the service; its abandoned queries run on after autocannon
    // stops, so every target first waits for the service to answer one ticket within 1 s.
    const drained = () =>
      waitUntil(
        'the tickets service to answer one ticket within 1 s',
        async () =>
          (await call('GET', `${stack.services.tickets.url}${pick(ids)()}`, undefined, {}, 10_000)).ms < 1_000,
        180_000,
        500,
      );

    for (const t of targets) {
      await drained();
      await runLoad({ url: urlOf(t), path: t.path, connections: CONNECTIONS, durationSeconds: 2 });
    }

    const runs: Record<string, (LoadResult & { origin: number })[]> = Object.fromEntries(
      targets.map((t) => [t.key, []]),
    );
    for (let r = 1; r <= o.runs; r++) {
      for (const t of targets) {
        await drained();
        const before = await ticketsServed(stack.services.tickets.url);
        const res = await runLoad({
          url: urlOf(t),
          path: t.path,
          connections: CONNECTIONS,
          durationSeconds: o.durationSeconds,
        });
        const origin = (await ticketsServed(stack.services.tickets.url)) - before;
        runs[t.key].push({ ...res, origin });
        log(
          `run ${r}/${o.runs} ${t.key}: ${res.rps.toFixed(0)} req/s, p99 ${res.p99} ms, origin ${origin} of ${res.total}`,
        );
      }
    }

    const medRps = (key: string) => median(runs[key].map((x) => x.rps));
    const rows = targets.map((t) => {
      const rs = runs[t.key];
      const total = rs.reduce((n, x) => n + x.total, 0);
      const origin = rs.reduce((n, x) => n + x.origin, 0);
      return [
        t.label,
        t.edge ? 'nginx → router' : 'router',
        fmtSpread(spread(rs.map((x) => x.rps))),
        fmtSpread(spread(rs.map((x) => x.p50))),
        fmtSpread(spread(rs.map((x) => x.p99))),
        fmt(medRps(t.key) / medRps('hello'), 3),
        total.toLocaleString('en-US'),
        t.key.startsWith('hello') ? '–' : `${fmt((100 * origin) / Math.max(total, 1), 1)} %`,
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
    return {
      name: 'edge-cache',
      title: 'Edge cache: what nginx in front of the router absorbs',
      command: commandLine('edge-cache', o),
      description: [
        `Debian's nginx (one worker, keepalive to the router) with the chart's cache directives (\`deploy/helm/bigtix/files/public-cache.conf\`, \`public-cache-zone.conf\`: the same text the ingress-nginx Ingress carries), in front of the dev router; the same anonymous reads sent to the router directly.`,
        `The services answer these with \`Cache-Control: public, max-age=0, s-maxage=1, stale-while-revalidate=5\` and an ETag; nginx serves its copy for a second, then one request per key revalidates (If-None-Match → 304) while the rest get the stale copy.`,
        `autocannon, ${CONNECTIONS} connections, ${o.durationSeconds} s per run, ${o.runs} runs per target interleaved, after a 2 s warm-up each. ${ids.length.toLocaleString('en-US')} tickets in one event, written straight into the tickets database (no outbox backlog while measuring).`,
        '"reached tickets" is the share of requests the tickets service itself answered (its `http_requests_total`), the rest nginx answered from its cache. "vs hello" divides by the bare Koa hello through the router alone.',
      ].join(' '),
      tables: [
        {
          columns: [
            'read',
            'path',
            'req/s',
            'p50 ms',
            'p99 ms',
            'vs hello',
            'requests',
            'reached tickets',
            'non-2xx/errors',
          ],
          rows,
        },
      ],
      checks,
      raw: { runs },
    };
  } finally {
    await edge.stop();
  }
});
