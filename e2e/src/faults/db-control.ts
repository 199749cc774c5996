import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

function pidFile(): string {
  const cache =
    process.env.BIGTIX_CACHE_DIR ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'bigtix');
  return path.join(cache, 'run', 'ferretdb.pid');
}

/** The pid of the dev FerretDB started by tools/dev-db/ensure-dev-db.sh, if it is alive. */
export function devDatabasePid(): number | null {
  const file = pidFile();
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Crashes the dev database (SIGKILL: no goodbye to clients) and waits until the process is gone. */
export async function killDevDatabase(): Promise<void> {
  const pid = devDatabasePid();
  if (!pid)
    throw new Error(`no running FerretDB found through ${pidFile()}; was it started by tools/dev-db/ensure-dev-db.sh?`);
  process.kill(pid, 'SIGKILL');
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    if (Date.now() > deadline) throw new Error(`FerretDB ${pid} did not exit`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts the dev database again (idempotent: does nothing if it already answers). */
export function startDevDatabase(): void {
  execFileSync('bash', [path.join(REPO_ROOT, 'tools', 'dev-db', 'ensure-dev-db.sh')], {
    stdio: 'ignore',
    timeout: 120_000,
  });
}
