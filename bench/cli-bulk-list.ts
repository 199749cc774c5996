// `bigtix list` from a 10,000-row CSV, wall time of the real CLI process, against a naive
// one-request-per-ticket loop over the same API.
//
//   npm run build && node bench/dist/cli-bulk-list.js            (starts its own stack)
//   node bench/dist/cli-bulk-list.js --markdown                   (prints the docs section)
//
// With BENCH_STACK (run-all) it uses that stack; otherwise startBenchStack() runs every built
// service as its own process behind the router on free ports. The CLI is the compiled
// `node cli/bin/bigtix.js`, signed in through BIGTIX_TOKEN with a real token from auth.
// BENCH_RUNS (default 3) CLI runs, each with new serials; BENCH_NAIVE_TICKETS (default 10000)
// tickets for the naive loop (one run: it is the slow side).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliEnv, timeCli } from './lib/cli';
import { call } from './lib/http';
import type { BenchResult } from './lib/result';
import { startBenchStack } from './lib/stack';
import { StackInfo, stackFromEnv } from './lib/stack-info';
import { fmt, median } from './lib/stats';
import { signUpSeller } from './lib/users';

const TICKETS = Number(process.env.BENCH_CLI_TICKETS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const NAIVE_TICKETS = Number(process.env.BENCH_NAIVE_TICKETS ?? TICKETS);
const TARGET_MS = 10_000;
const COMMAND = 'npm run build && node bench/dist/cli-bulk-list.js --markdown';

function writeCsv(dir: string, prefix: string, n: number): string {
  const lines = ['serialNumber,price,title,description'];
  for (let i = 0; i < n; i++)
    lines.push(
      `${prefix}${i},${50 + (i % 200)}.${String(i % 100).padStart(2, '0')},Section ${1 + (i % 40)} row ${1 + (i % 25)},Benchmark listing`,
    );
  const file = path.join(dir, `${prefix}.csv`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

interface CliRun {
  ms: number;
  code: number | null;
  created: number;
  alreadyListed: number;
  failed: number;
}

/** Wall time of the whole CLI process, node start-up included: what a seller waits for. */
async function listCsv(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const { ms, code, summary } = await timeCli<{ created: number; alreadyListed: number; failed: number }>(args, env, {
    echoStderr: true,
  });
  return { ms, code, created: summary.created, alreadyListed: summary.alreadyListed, failed: summary.failed };
}

/** What a seller without the CLI might script: one POST per ticket, one after another. */
async function naiveLoop(
  stack: StackInfo,
  authorization: string,
  eventId: string,
  prefix: string,
  n: number,
): Promise<{ ms: number; created: number }> {
  const started = performance.now();
  let created = 0;
  for (let i = 0; i < n; i++) {
    const res = await call(
      'POST',
      `${stack.routerUrl}/api/tickets/create`,
      {
        title: `Section ${1 + (i % 40)}`,
        price: 5000 + (i % 20_000),
        description: 'Benchmark listing',
        serialNumber: `${prefix}${i}`,
        eventId,
      },
      { authorization },
    );
    if (res.status !== 201)
      throw new Error(`naive create answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
    created++;
  }
  return { ms: performance.now() - started, created };
}

async function main() {
  const markdown = process.argv.includes('--markdown');
  const json = process.argv.includes('--json');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const given = stackFromEnv();
  const own = given ? null : await startBenchStack(log);
  const stack = given ?? own!.info;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bigtix-cli-bench-'));
  try {
    const seller = await signUpSeller(stack, 'cli-bench');
    const env = cliEnv(stack, seller, dir);
    const runs: CliRun[] = [];
    let rerun: CliRun | null = null;
    for (let r = 1; r <= RUNS; r++) {
      const csv = writeCsv(dir, `CLI${r}-${randomBytes(3).toString('hex')}-`, TICKETS);
      const run = await listCsv(['list', '--event', stack.eventId, '--csv', csv, '--yes', '--json'], env);
      runs.push(run);
      log(
        `bigtix list run ${r}: ${fmt(run.ms)} ms, created ${run.created}, already listed ${run.alreadyListed}, failed ${run.failed}`,
      );
      if (r === RUNS) {
        rerun = await listCsv(['list', '--event', stack.eventId, '--csv', csv, '--yes', '--json'], env);
        log(`same file again: ${fmt(rerun.ms)} ms, created ${rerun.created}, already listed ${rerun.alreadyListed}`);
      }
    }
    const naive = await naiveLoop(
      stack,
      seller.authorization,
      stack.eventId,
      `NAIVE-${randomBytes(3).toString('hex')}-`,
      NAIVE_TICKETS,
    );
    log(`naive loop: ${fmt(naive.ms)} ms for ${naive.created} tickets`);

    const cliMs = median(runs.map((r) => r.ms));
    const naivePerTicket = naive.ms / NAIVE_TICKETS;
    const naiveFor = naivePerTicket * TICKETS;
    const cpu = os.cpus();
    const result: BenchResult = {
      name: 'cli-bulk-list',
      title: 'CLI bulk listing (`bigtix list`)',
      command: COMMAND,
      description:
        `Wall time of \`node cli/bin/bigtix.js list --event ${stack.eventId} --csv <${TICKETS} rows> --yes --json\` (process start to exit: parse and validate the CSV, resolve the event, ` +
        `send batches of 1000 rows with 3 in flight, print the summary), ${RUNS} runs with fresh serials, median reported; then the same file once more ` +
        `(every row must come back already listed). Compared with a naive loop that sends one \`POST /api/tickets/create\` per ticket, sequentially, ` +
        `through the same router. Services run as separate built processes on FerretDB 1.24 and RabbitMQ.`,
      tables: [
        {
          columns: ['what', 'tickets', 'wall time', 'tickets/s'],
          rows: [
            [
              `bigtix list (median of ${RUNS}: ${runs.map((r) => fmt(r.ms)).join(' / ')} ms)`,
              TICKETS,
              `${fmt(cliMs)} ms`,
              fmt(TICKETS / (cliMs / 1000)),
            ],
            [
              'bigtix list, same file again (all already listed)',
              TICKETS,
              `${fmt(rerun?.ms ?? NaN)} ms`,
              fmt(TICKETS / ((rerun?.ms ?? NaN) / 1000)),
            ],
            [
              'naive loop, one request per ticket',
              NAIVE_TICKETS,
              `${fmt(naive.ms)} ms`,
              fmt(NAIVE_TICKETS / (naive.ms / 1000)),
            ],
            ...(NAIVE_TICKETS !== TICKETS
              ? [
                  [
                    `naive loop, extrapolated to ${TICKETS}`,
                    TICKETS,
                    `≈ ${fmt(naiveFor)} ms`,
                    fmt(1000 / naivePerTicket),
                  ],
                ]
              : []),
          ],
        },
      ],
      checks: [
        {
          name: `${TICKETS} tickets in under ${TARGET_MS / 1000} s`,
          pass: cliMs < TARGET_MS,
          detail: `${fmt(cliMs)} ms`,
        },
        {
          name: 'every row created on each run',
          pass: runs.every((r) => r.code === 0 && r.created + r.alreadyListed === TICKETS && r.failed === 0),
        },
        {
          name: 'the same file again lists nothing twice',
          pass: rerun?.code === 0 && rerun.created === 0 && rerun.alreadyListed === TICKETS,
        },
      ],
      notes: [
        `Speed-up over the naive loop: ${fmt(naiveFor / cliMs, 1)}×.`,
        `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${fmt(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}.`,
      ],
      raw: { runs, rerun, naive },
    };
    if (markdown) process.stdout.write(toMarkdown(result));
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!markdown && !json) process.stdout.write(`${toMarkdown(result)}`);
    if (result.checks?.some((c) => !c.pass)) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await own?.stop();
  }
}

function toMarkdown(r: BenchResult): string {
  const table = (t: BenchResult['tables'][number]) =>
    [
      `| ${t.columns.join(' | ')} |`,
      `|${t.columns.map(() => '---').join('|')}|`,
      ...t.rows.map((row) => `| ${row.join(' | ')} |`),
    ].join('\n');
  return [
    `## ${r.title}`,
    '',
    r.description,
    '',
    ...r.tables.map(table),
    '',
    ...(r.checks ?? []).map((c) => `- ${c.pass ? '✅' : '❌'} ${c.name}${c.detail ? ` (${c.detail})` : ''}`),
    ...(r.notes ?? []).map((n) => `- ${n}`),
    '',
    `Command: \`${r.command}\``,
    '',
  ].join('\n');
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
