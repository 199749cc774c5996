/**
 * Lighthouse (mobile preset, simulated throttling) against the production web build behind the
 * one-origin router: performance score and LCP for the home page and an event page, plus the
 * first-load JavaScript of each route (the scripts its HTML loads, gzip-compressed as served).
 *
 *   WEB_MODE=production make dev      # or: node tools/dev-runner/dist/dev.js with WEB_MODE=production
 *   npx tsx bench/lighthouse-web.ts [--base http://localhost:3000] [--write docs/BENCHMARKS.md]
 *
 * Uses Debian's Chromium (/usr/bin/chromium); never downloads a browser.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// Lighthouse and chrome-launcher are ESM-only; a real dynamic import survives the commonjs build.
const esm = new Function('s', 'return import(s)') as (s: string) => Promise<any>;

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const BASE = (arg('base') ?? process.env.BIGTIX_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const WRITE = arg('write');
const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const STATUS_NOTE = "Status: **below the ≥ 90 target** (scores vary by ±10 between runs on the shared machine). FCP is fast (server-rendered HTML, system fonts, no web fonts) and CLS is 0; the loss is Total Blocking Time from hydrating ~210-230 kB gzip of JS (React 19, Next runtime, MUI + Emotion) under 4x CPU slowdown, plus LCP waiting for hydration-time style insertion. Next steps: lazy-load the header's client leaves (theme toggle, install prompt), replace MUI components on the event/home lists by plain server-rendered markup with CSS variables, and re-measure on an idle machine.";
const COMMAND = 'npx tsx bench/lighthouse-web.ts --write docs/BENCHMARKS.md';

async function pickEventPath(): Promise<string> {
  const res = await fetch(`${BASE}/api/events/upcoming-with-tickets?limit=1`);
  const body = res.ok ? ((await res.json()) as { items: { id: string }[] }) : { items: [] };
  if (body.items[0]) return `/events/${body.items[0].id}`;
  const search = (await (await fetch(`${BASE}/api/events/search?keyword=Eras`)).json()) as { items: { id: string }[] };
  return `/events/${search.items[0].id}`;
}

interface LhResult {
  page: string;
  score: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
}

async function runLighthouse(urls: { page: string; url: string }[]): Promise<LhResult[]> {
  const { default: lighthouse } = await esm('lighthouse');
  const chromeLauncher = await esm('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: FLAGS });
  const out: LhResult[] = [];
  try {
    for (const { page, url } of urls) {
      // A warm-up load fills the server's caches, as a real visitor after the first would find them.
      await fetch(url);
      const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' });
      const lhr = result.lhr;
      out.push({
        page,
        score: Math.round(lhr.categories.performance.score * 100),
        lcpMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
        fcpMs: Math.round(lhr.audits['first-contentful-paint'].numericValue),
        tbtMs: Math.round(lhr.audits['total-blocking-time'].numericValue),
        cls: Number(lhr.audits['cumulative-layout-shift'].numericValue.toFixed(3)),
      });
    }
  } finally {
    await chrome.kill();
  }
  return out;
}

/** First-load JS of a route: every script its HTML references, gzip size as a browser downloads it. */
async function firstLoadJs(pathName: string): Promise<{ route: string; scripts: number; gzipKb: number; note: string }> {
  const res = await fetch(`${BASE}${pathName}`, { redirect: 'manual' });
  const note = res.status >= 300 && res.status < 400 ? `redirects to ${res.headers.get('location')} (signed out)` : '';
  const html = res.status >= 300 && res.status < 400 ? await (await fetch(`${BASE}${pathName}`)).text() : await res.text();
  // nomodule polyfills are never fetched by the browsers that run modules, so they are not counted.
  const srcs = [...new Set([...html.matchAll(/<script([^>]*)\ssrc="([^"]+\.js)"[^>]*>/g)].filter((m) => !/nomodule/i.test(m[0])).map((m) => m[2]))];
  let total = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
    total += gzipSync(body).length;
  }
  return { route: pathName, scripts: srcs.length, gzipKb: Math.round(total / 102.4) / 10, note };
}

function section(results: LhResult[], js: Awaited<ReturnType<typeof firstLoadJs>>[], eventPath: string): string {
  const lines = [
    '## Web performance',
    '',
    `Lighthouse ${require('lighthouse/package.json').version} (mobile preset: Moto G Power viewport, simulated slow 4G and 4x CPU slowdown), Debian Chromium, production build (\`next build --webpack\`, \`next start\`) behind the one-origin router, on the shared 2-core dev machine. Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    `Command (with the stack running: \`WEB_MODE=production make dev\`): \`${COMMAND}\``,
    '',
    '| page | performance | LCP | FCP | TBT | CLS |',
    '|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.page} | **${r.score}** | ${(r.lcpMs / 1000).toFixed(2)} s | ${(r.fcpMs / 1000).toFixed(2)} s | ${r.tbtMs} ms | ${r.cls} |`),
    '',
    `Event page measured: \`${eventPath}\`. Target: ≥ 90 on both.`,
    '',
    ...(results.every((r) => r.score >= 90) ? [] : [STATUS_NOTE]),
    'First-load JavaScript per route (all scripts the HTML loads, gzip as served; Next 16 no longer prints sizes in `next build`):',
    '',
    '| route | scripts | first-load JS (gzip) | note |',
    '|---|---|---|---|',
    ...js.map((j) => `| \`${j.route}\` | ${j.scripts} | ${j.gzipKb} kB | ${j.note} |`),
    '',
  ];
  return lines.join('\n');
}

/** Replaces only the "Web performance" section of the file (other sections belong to other benches). */
function writeSection(file: string, text: string) {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = existing.indexOf('## Web performance');
  let next: string;
  if (start === -1) next = `${existing.trimEnd()}\n\n${text}`;
  else {
    const after = existing.indexOf('\n## ', start + 3);
    next = existing.slice(0, start) + text + (after === -1 ? '' : existing.slice(after + 1));
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
}

async function main() {
  const eventPath = await pickEventPath();
  const results = await runLighthouse([
    { page: 'home `/`', url: `${BASE}/` },
    { page: 'event `/events/[eventId]`', url: `${BASE}${eventPath}` },
  ]);
  const routes = ['/', eventPath, '/auth/signin', '/auth/signup', '/offline', '/sell', '/orders', '/my/tickets', '/my/listings'];
  const js = [];
  for (const r of routes) js.push(await firstLoadJs(r));
  const text = section(results, js, eventPath);
  console.log(text);
  if (WRITE) writeSection(path.resolve(WRITE), text);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
