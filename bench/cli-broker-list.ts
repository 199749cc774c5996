// `bigtix list --csv` of a broker inventory file: 10,000 seats in 1,000 listings (10 seats
// each, seat numbers, pairs/any/avoid-one splits, one serial per seat), wall time of the real
// CLI process; then the same file again (every listing must come back unchanged).
//
//   npm run build && node bench/dist/cli-broker-list.js            (starts its own stack)
//
// With BENCH_STACK (run-all) it uses that stack. BENCH_LISTINGS (default 1000), BENCH_SEATS
// (default 10 per listing), BENCH_RUNS (default 3).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliEnv, timeCli } from './lib/cli';
import type { BenchResult } from './lib/result';
import { startBenchStack } from './lib/stack';
import { stackFromEnv } from './lib/stack-info';
import { fmt, median } from './lib/stats';
import { signUpSeller } from './lib/users';

const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 1000);
const SEATS = Number(process.env.BENCH_SEATS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 10_000;
const SPLITS = ['pairs', 'any', 'avoid-one'];

function writeInventory(dir: string, eventId: string, tag: string): string {
  const lines = ['EventId,Section,Row,SeatFrom,SeatThru,Quantity,Price,Splits,Notes,Serials,ExternalRef'];
  for (let i = 0; i < LISTINGS; i++) {
    const serials = Array.from({ length: SEATS }, (_, s) => `${tag}-${i}-${s}`).join(';');
    lines.push(
      [
        eventId,
        String(100 + (i % 40)),
        String(1 + Math.floor(i / 40)),
        '1',
        String(SEATS),
        String(SEATS),
        `${60 + (i % 150)}.00`,
        SPLITS[i % SPLITS.length],
        '"aisle, bench"',
        serials,
        `${tag}-${i}`,
      ].join(','),
    );
  }
  const file = path.join(dir, `${tag}.csv`);
  fs.writeFileSync(file, `\ufeff${lines.join('\r\n')}\r\n`);
  return file;
}

interface Run {
  ms: number;
  code: number | null;
  created: number;
  unchanged: number;
  failed: number;
}

async function listFile(file: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const { ms, code, summary } = await timeCli<{ created: number; unchanged: number; failed: number }>(
    ['list', '--csv', file, '--yes', '--json'],
    env,
  );
  return { ms, code, created: summary.created, unchanged: summary.unchanged, failed: summary.failed };
}

async function main() {
  const json = process.argv.includes('--json');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const given = stackFromEnv();
  const own = given ? null : await startBenchStack(log);
  const stack = given ?? own!.info;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bigtix-broker-bench-'));
  try {
    const seller = await signUpSeller(stack, 'broker-bench');
    const env = cliEnv(stack, seller, dir);
    const runs: Run[] = [];
    let rerun: Run | null = null;
    for (let r = 1; r <= RUNS; r++) {
      const file = writeInventory(dir, stack.eventId, `B${r}${randomBytes(3).toString('hex')}`);
      const run = await listFile(file, env);
      runs.push(run);
      log(
        `run ${r}: ${fmt(run.ms)} ms, created ${run.created}, failed ${run.failed}; load ${os.loadavg()[0].toFixed(2)}`,
      );
      if (r === RUNS) {
        rerun = await listFile(file, env);
        log(`same file again: ${fmt(rerun.ms)} ms, unchanged ${rerun.unchanged}`);
      }
    }
    const ms = median(runs.map((r) => r.ms));
    const result: BenchResult = {
      name: 'cli-broker-list',
      title: 'Broker inventory listing (`bigtix list --csv`, listings of seats)',
      command: 'npm run build && node bench/dist/cli-broker-list.js',
      description: `Wall time of \`bigtix list --csv <${LISTINGS} listings × ${SEATS} seats> --yes --json\` (BOM, CRLF, quoted commas; parse and validate, one \`POST /api/listings/bulk\` per 1000 listings), ${RUNS} runs with fresh serials, median; then the same file once more (every listing must be unchanged).`,
      tables: [
        {
          columns: ['what', 'listings', 'seats', 'wall time'],
          rows: [
            [
              `bigtix list (runs: ${runs.map((r) => fmt(r.ms)).join(' / ')} ms)`,
              LISTINGS,
              LISTINGS * SEATS,
              `${fmt(ms)} ms`,
            ],
            ['same file again (all unchanged)', LISTINGS, LISTINGS * SEATS, `${fmt(rerun?.ms ?? NaN)} ms`],
          ],
        },
      ],
      checks: [
        {
          name: `${LISTINGS * SEATS} seats in under ${TARGET_MS / 1000} s`,
          pass: ms < TARGET_MS,
          detail: `${fmt(ms)} ms`,
        },
        { name: 'every listing created on each run', pass: runs.every((r) => r.code === 0 && r.created === LISTINGS) },
        { name: 'the same file again changes nothing', pass: rerun?.code === 0 && rerun.unchanged === LISTINGS },
      ],
      notes: [
        `Load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}, ${os.cpus().length} CPUs.`,
      ],
      raw: { runs, rerun },
    };
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (result.checks?.some((c) => !c.pass)) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await own?.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
