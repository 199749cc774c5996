import type { ChildProcess } from 'node:child_process';
import { startProcess } from '@bigtix/dev-runner';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderDoc, SectionOutcome } from './benchmarks-doc';
import { machineFacts } from './machine';
import { isBenchResult } from './result';
import { REPO_ROOT, startBenchStack } from './stack';
import { STACK_ENV } from './stack-info';

/**
 * Every benchmark, in order, with the arguments and environment run-all gives it. Scripts by
 * other engineers are run only if their file exists; a script that fails or prints no result
 * keeps its previous section in docs/BENCHMARKS.md.
 */
const SCRIPTS: { name: string; args: string[]; env?: Record<string, string>; timeoutMinutes: number }[] = [
  { name: 'read-tickets', args: ['--json', '--runs', '3', '--duration', '10'], timeoutMinutes: 20 },
  { name: 'edge-cache', args: ['--json', '--runs', '3', '--duration', '5'], timeoutMinutes: 10 },
  { name: 'memory-services', args: ['--json', '--runs', '3', '--duration', '10'], timeoutMinutes: 10 },
  { name: 'contention-hold-race', args: ['--json', '--runs', '3'], timeoutMinutes: 15 },
  { name: 'propagation-ticket-to-order', args: ['--json', '--runs', '3'], timeoutMinutes: 20 },
  { name: 'orders-contention', args: ['--json'], timeoutMinutes: 20 },
  { name: 'tickets-bulk-create', args: ['--json'], timeoutMinutes: 20 },
  { name: 'payment-during-listing-flood', args: ['--json', '--runs', '3'], timeoutMinutes: 30 },
  // The naive one-request-per-ticket loop is the slow side; 1000 tickets is enough to extrapolate.
  { name: 'cli-bulk-list', args: ['--json'], env: { BENCH_NAIVE_TICKETS: '1000' }, timeoutMinutes: 30 },
  // Starts its own stack with two replicas of every service (run-all's has one).
  { name: 'on-sale', args: ['--json'], timeoutMinutes: 15 },
  { name: 'cli-broker-list', args: ['--json'], timeoutMinutes: 20 },
  // Needs the production web build behind a router (`WEB_MODE=production make dev`); not a
  // BENCH_STACK script, so run-all keeps its hand-measured section.
  { name: 'lighthouse-web', args: [], timeoutMinutes: 0 },
];

let current: ChildProcess | null = null;

const DOC = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');
const log = (line: string) => process.stderr.write(`[run-all] ${line}\n`);

function runChild(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMinutes: number,
): Promise<{ code: number | null; stdout: string; stderrTail: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const { child: proc } = startProcess({
      name,
      args: [path.join(REPO_ROOT, 'bench', 'dist', `${name}.js`), ...args],
      cwd: REPO_ROOT,
      env,
      output: { kind: 'pipe' },
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    proc.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-20_000);
      process.stderr.write(d);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      proc.kill('SIGTERM');
      setTimeout(() => proc.kill('SIGKILL'), 15_000).unref();
    }, timeoutMinutes * 60_000);
    current = proc;
    proc.on('exit', (code) => {
      current = null;
      clearTimeout(timer);
      resolve({
        code,
        stdout,
        stderrTail: stderr
          .trim()
          .split('\n')
          .filter((l) => !/^\s+at /.test(l))
          .slice(-3)
          .join(' / '),
        timedOut,
      });
    });
  });
}

export async function main(): Promise<void> {
  const started = Date.now();
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const stack = await startBenchStack(log);
  // Ctrl-C or a kill still stops the stack and drops its databases and queues.
  let aborted = false;
  const abort = (signal: NodeJS.Signals) => {
    aborted = true;
    log(`${signal}: stopping the bench stack`);
    current?.kill('SIGTERM');
    stack.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  const machine = await machineFacts(stack.info.mongoBase);
  log(`machine: ${JSON.stringify(machine)}`);
  const outcomes: SectionOutcome[] = [];
  const when = new Date(started).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  // Written after every script, so an interrupted run still leaves the numbers it has.
  // Re-read each time: other engineers may update their own sections while this runs.
  const writeDoc = () => {
    const previous = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
    fs.writeFileSync(
      DOC,
      renderDoc({
        machine,
        when,
        wallSeconds: (Date.now() - started) / 1000,
        outcomes,
        previous,
        loadDuring: os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' '),
      }),
    );
  };
  try {
    for (const s of SCRIPTS) {
      if (aborted) break;
      if (only.length && !only.includes(s.name)) continue;
      if (!fs.existsSync(path.join(REPO_ROOT, 'bench', `${s.name}.ts`))) continue;
      if (s.timeoutMinutes === 0) {
        outcomes.push({
          name: s.name,
          failure: `\`bench/${s.name}.ts\` needs the production web app; run it as its section says`,
        });
        continue;
      }
      if (!fs.existsSync(path.join(REPO_ROOT, 'bench', 'dist', `${s.name}.js`))) {
        outcomes.push({ name: s.name, failure: `bench/dist/${s.name}.js was not built (tsc errors?)` });
        continue;
      }
      log(`running ${s.name} ${s.args.join(' ')}`);
      const t0 = Date.now();
      const env = { ...process.env, ...(s.env ?? {}), [STACK_ENV]: JSON.stringify(stack.info) };
      const res = await runChild(s.name, s.args, env, s.timeoutMinutes);
      if (aborted) break;
      const last = res.stdout.trim().split('\n').pop() ?? '';
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(last);
      } catch {
        // not a result line
      }
      if (isBenchResult(parsed)) {
        outcomes.push({ name: s.name, result: parsed });
        const failed = (parsed.checks ?? []).filter((c) => !c.pass).length;
        log(
          `${s.name} done in ${Math.round((Date.now() - t0) / 1000)} s${failed ? `, ${failed} check(s) FAILED` : ''}`,
        );
      } else {
        const why = res.timedOut
          ? `timed out after ${s.timeoutMinutes} min`
          : `exit ${res.code}, no result line (${res.stderrTail.slice(0, 300)})`;
        outcomes.push({ name: s.name, failure: why });
        log(`${s.name} gave no result: ${why}`);
      }
      writeDoc();
    }
  } finally {
    await stack.stop();
  }
  writeDoc();
  log(`wrote ${path.relative(REPO_ROOT, DOC)}`);
  const failedChecks = outcomes.flatMap((o) =>
    (o.result?.checks ?? []).filter((c) => !c.pass).map((c) => `${o.name}: ${c.name}`),
  );
  for (const f of failedChecks) log(`FAILED CHECK ${f}`);
  for (const o of outcomes.filter((x) => x.failure)) log(`NOT MEASURED ${o.name}: ${o.failure}`);
  process.exitCode = failedChecks.length ? 1 : 0;
}
