import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface Child {
  name: string;
  pid: number;
  logFile: string;
  proc: ChildProcess;
  /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
  stop(graceMs?: number): Promise<void>;
  exited(): boolean;
}

/** A port the OS says is free right now (listen on 0 and close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
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
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const fd = fs.openSync(logFile, 'a');
  const proc = spawn(process.execPath, [...nodeArgs, script, ...args], { env, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  let exitedFlag = false;
  const exit = new Promise<void>((resolve) => {
    proc.once('exit', () => {
      exitedFlag = true;
      resolve();
    });
  });
  return {
    name,
    pid: proc.pid!,
    logFile,
    proc,
    exited: () => exitedFlag,
    async stop(graceMs = 10_000) {
      if (exitedFlag) return;
      proc.kill('SIGTERM');
      const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs).unref());
      if ((await Promise.race([exit, timer])) === 'timeout') {
        proc.kill('SIGKILL');
        await exit;
      }
    },
  };
}

export function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Polls `url` until it answers 2xx (any status with anyStatus), the child dies, or the deadline passes. */
export async function waitHealthy(child: Child, url: string, timeoutMs = 60_000, anyStatus = false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exited()) throw new Error(`${child.name} exited during start:\n${tail(child.logFile)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok || anyStatus) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${child.name} not healthy at ${url} after ${timeoutMs} ms (${last}):\n${tail(child.logFile)}`);
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
