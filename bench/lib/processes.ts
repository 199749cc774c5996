// The benchmarks' view of the supervisor in tools/dev-runner (which does the spawning): `node
// <script>` with its output in a log file, a readiness wait, and the memory reading.
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { ManagedProcess, freePort, startProcess, tailFile, waitReady } from '@bigtix/dev-runner';

export { freePort };

const managed = new WeakMap<ChildProcess, ManagedProcess>();

export interface Child {
  name: string;
  pid: number;
  logFile: string;
  proc: ChildProcess;
  /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
  stop(graceMs?: number): Promise<void>;
  exited(): boolean;
}

/** Runs `node <script>` with its output in a log file, so a failed start can be explained. */
export function startNode(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  logDir: string,
  args: string[] = [],
  nodeArgs: string[] = [],
): Child {
  const logFile = path.join(logDir, `${name}.log`);
  const p = startProcess({ name, args: [...nodeArgs, script, ...args], env, output: { kind: 'file', file: logFile } });
  managed.set(p.child, p);
  return { name, pid: p.pid, logFile, proc: p.child, exited: p.exited, stop: p.stop };
}

export const tail = tailFile;

/** Polls `url` until it answers 2xx (any status with anyStatus), the child dies, or the deadline passes. */
export async function waitHealthy(child: Child, url: string, timeoutMs = 60_000, anyStatus = false): Promise<void> {
  await waitReady(managed.get(child.proc) ?? null, url, {
    timeoutMs,
    ready: (s) => (anyStatus ? s > 0 : s >= 200 && s < 300),
  });
}

/** Resident set size in MiB from /proc/<pid>/status (VmRSS), or NaN if the process is gone. */
export function rssMiB(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}
