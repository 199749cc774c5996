import { BenchResult } from './result';
import { startBenchStack } from './stack';
import { StackInfo, stackFromEnv } from './stack-info';

export interface ScriptOptions {
  json: boolean;
  runs: number;
  durationSeconds: number;
}

export function parseArgs(argv = process.argv.slice(2)): ScriptOptions {
  const value = (flag: string, fallback: number) => {
    const i = argv.indexOf(flag);
    if (i < 0) return fallback;
    const n = Number(argv[i + 1]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer`);
    return n;
  };
  return {
    json: argv.includes('--json'),
    runs: Math.max(3, value('--runs', 3)),
    durationSeconds: value('--duration', 10),
  };
}

/** The exact command line, as documented next to the numbers. */
export function commandLine(script: string, o: ScriptOptions): string {
  return [
    'node',
    `bench/dist/${script}.js`,
    ...(o.json ? ['--json'] : []),
    '--runs',
    String(o.runs),
    '--duration',
    String(o.durationSeconds),
  ].join(' ');
}

/**
 * Entry point shared by the bench scripts: use the stack run-all started (BENCH_STACK) or start
 * one, run, print the result (one JSON line with --json, else a readable summary), and exit.
 */
export function runScript(
  name: string,
  body: (stack: StackInfo, o: ScriptOptions, log: (line: string) => void) => Promise<BenchResult>,
  /** A stack of its own even under run-all (e.g. several replicas per service, unlike run-all's). */
  ownStack?: { replicas: number },
): void {
  const o = parseArgs();
  // Progress goes to stderr so stdout carries only the result.
  const log = (line: string) => process.stderr.write(`[${name}] ${line}\n`);
  (async () => {
    const given = ownStack ? null : stackFromEnv();
    const own = given ? null : await startBenchStack(log, ownStack);
    try {
      const result = await body(given ?? own!.info, o, log);
      if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else {
        process.stdout.write(`${result.title}\n${result.command}\n`);
        for (const t of result.tables) {
          if (t.caption) process.stdout.write(`\n${t.caption}\n`);
          process.stdout.write(`${t.columns.join(' | ')}\n`);
          for (const row of t.rows) process.stdout.write(`${row.join(' | ')}\n`);
        }
        for (const c of result.checks ?? [])
          process.stdout.write(`${c.pass ? 'PASS' : 'FAIL'} ${c.name}${c.detail ? `: ${c.detail}` : ''}\n`);
      }
      process.exitCode = (result.checks ?? []).every((c) => c.pass) ? 0 : 1;
    } finally {
      await own?.stop();
    }
  })()
    .catch((err: unknown) => {
      process.stderr.write(`[${name}] failed: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    })
    .finally(() => {
      // Keep-alive sockets or a stray timer must not keep a finished benchmark alive.
      setTimeout(() => process.exit(), 200).unref();
    });
}
