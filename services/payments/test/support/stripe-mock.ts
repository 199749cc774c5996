import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const SCRIPT = path.join(REPO_ROOT, 'tools/stripe-mock/ensure-stripe-mock.sh');

/** The version pinned in the build script, so the test and the script cannot disagree. */
export function pinnedStripeMockVersion(): string {
  const match = /STRIPE_MOCK_VERSION:-(v[0-9.]+)/.exec(readFileSync(SCRIPT, 'utf8'));
  if (!match) throw new Error(`cannot read the pinned stripe-mock version from ${SCRIPT}`);
  return match[1];
}

export function stripeMockBinary(): string {
  if (process.env.STRIPE_MOCK_BIN) return process.env.STRIPE_MOCK_BIN;
  const cacheRoot =
    process.env.BIGTIX_CACHE_DIR ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'bigtix');
  return path.join(cacheRoot, 'tools', `stripe-mock-${pinnedStripeMockVersion()}`, 'stripe-mock');
}

export interface RunningStripeMock {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts stripe-mock on a port the kernel picks (`-http-port 0`, read back from its log line),
 * so parallel test files never collide. (`-http-addr` is not used: with it stripe-mock also
 * binds HTTPS on its default 12112, which the fake Ticketmaster owns here.) Fails loudly when the binary is missing:
 * the point of this check is lost if it is skipped silently.
 */
export async function startStripeMock(): Promise<RunningStripeMock> {
  const bin = stripeMockBinary();
  if (!existsSync(bin)) {
    throw new Error(
      `stripe-mock is not built (looked for ${bin}). Run: bash tools/stripe-mock/ensure-stripe-mock.sh ` +
        '(or set STRIPE_MOCK_BIN to a stripe-mock binary).',
    );
  }
  const child: ChildProcess = spawn(bin, ['-http-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`stripe-mock did not start within 15 s; output:\n${output}`)),
      15_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Listening for HTTP at address: \S*?:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stripe-mock exited with ${code}; output:\n${output}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
