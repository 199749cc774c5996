// Driving the real `bigtix` CLI from a benchmark: the compiled `node cli/bin/bigtix.js`, signed in
// through BIGTIX_TOKEN, timed from process start to exit (what a seller waits for).
import { startProcess } from '@bigtix/dev-runner';
import fs from 'node:fs';
import path from 'node:path';
import type { StackInfo } from './stack-info';
import type { BenchUser } from './users';

function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir))
    if (fs.existsSync(path.join(dir, 'cli', 'bin', 'bigtix.js'))) return dir;
  throw new Error('cannot find cli/bin/bigtix.js above this script');
}

export const BIGTIX_BIN = path.join(repoRoot(), 'cli', 'bin', 'bigtix.js');

/** The CLI's environment: this stack, this seller's token, and a private home for its config. */
export function cliEnv(stack: StackInfo, seller: BenchUser, home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: home,
    BIGTIX_API_URL: stack.routerUrl,
    BIGTIX_TOKEN: seller.authorization.replace(/^Bearer /, ''),
    NO_COLOR: '1',
  };
}

export interface CliRun<T> {
  ms: number;
  code: number | null;
  /** The `--json` summary the CLI printed. */
  summary: T;
}

/**
 * Runs `bigtix <args>` (which must include `--json`) and times it. Its stderr (retry notices and
 * the like) is echoed when `echoStderr` is set: worth seeing next to the numbers it explains.
 */
export function timeCli<T>(args: string[], env: NodeJS.ProcessEnv, { echoStderr = false } = {}): Promise<CliRun<T>> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const { child } = startProcess({ name: 'bigtix', args: [BIGTIX_BIN, ...args], env, output: { kind: 'pipe' } });
    let out = '';
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (echoStderr && err.trim())
        process.stderr.write(`  bigtix stderr: ${err.trim().split('\n').join('\n  bigtix stderr: ')}\n`);
      try {
        resolve({ ms, code, summary: JSON.parse(out) as T });
      } catch {
        reject(new Error(`bigtix exited ${code}: ${err.slice(0, 1000)}`));
      }
    });
  });
}
