/**
 * The one place BigTix starts and stops operating-system processes: `make dev`, the benchmark
 * stack, the fault-test stack and the CLI and benchmark runners all go through `startProcess`.
 * A process's output goes to the terminal with a name prefix (dev), to a log file (bench), or
 * into memory (fault tests attach the last lines to a failing assertion).
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { waitFor } from '@bigtix/testkit';

const COLORS = [36, 33, 35, 32, 34, 31, 96, 93];

export type OutputMode =
  /** Lines on this process's stdout, prefixed with the child's name (colour by index on a TTY). */
  | { kind: 'terminal'; index: number }
  /** Appended to a log file (its directory is created). */
  | { kind: 'file'; file: string }
  /** The last `keep` lines kept in `lines` (an array the caller may own and share across restarts). */
  | { kind: 'memory'; lines?: string[]; keep?: number }
  /** Pipes left to the caller (`child.stdout`, `child.stderr`), e.g. to read a CLI's JSON answer. */
  | { kind: 'pipe' };

export interface ProcessSpec {
  name: string;
  /** Defaults to this Node binary. */
  command?: string;
  args: string[];
  cwd?: string;
  env: NodeJS.ProcessEnv;
  output: OutputMode;
  /** Own process group (a `kill -- -pid` stops its children too). */
  detached?: boolean;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
}

export interface ManagedProcess {
  name: string;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process is gone. */
  exit: Promise<number | string>;
  exited(): boolean;
  /** The last lines it wrote (memory and file output), for error messages. */
  recentOutput(lines?: number): string;
  /** SIGTERM, then SIGKILL for a process still alive after the grace period. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL (a real crash), resolved once the process is gone. */
  kill(): Promise<void>;
}

/** Starts one child process. The only `spawn` in tools/, bench/ and e2e/. */
export function startProcess(spec: ProcessSpec): ManagedProcess {
  const out = spec.output;
  let fd: number | null = null;
  if (out.kind === 'file') {
    fs.mkdirSync(path.dirname(out.file), { recursive: true });
    fd = fs.openSync(out.file, 'a');
  }
  const stdio: ('ignore' | 'pipe' | number)[] =
    fd !== null
      ? [spec.input !== undefined ? 'pipe' : 'ignore', fd, fd]
      : [spec.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'];
  const child = spawn(spec.command ?? process.execPath, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: stdio as ('ignore' | 'pipe')[],
    detached: spec.detached,
  });
  if (fd !== null) fs.closeSync(fd);
  if (spec.input !== undefined) child.stdin!.end(spec.input);

  let label = spec.name.padEnd(10);
  if (out.kind === 'terminal') {
    const color = process.stdout.isTTY && !process.env.NO_COLOR ? COLORS[out.index % COLORS.length] : 0;
    if (color) label = `\x1b[${color}m${label}\x1b[0m`;
    for (const stream of [child.stdout!, child.stderr!])
      readline.createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${label} | ${line}\n`));
  }
  const lines = out.kind === 'memory' ? (out.lines ?? []) : [];
  if (out.kind === 'memory') {
    const keep = out.keep ?? 40;
    const add = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(line.slice(0, 500));
      if (lines.length > keep) lines.splice(0, lines.length - keep);
    };
    child.stdout!.on('data', add);
    child.stderr!.on('data', add);
  }

  let done = false;
  const exit = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      if (out.kind === 'terminal') process.stdout.write(`${label} | exited (${signal ?? code})\n`);
      resolve(signal ?? code ?? 0);
    });
    child.once('error', (err) => {
      done = true;
      lines.push(`failed to start: ${err.message}`);
      resolve(err.message);
    });
  });

  const recentOutput = (n = 20) => {
    if (out.kind === 'file') return tailFile(out.file, n);
    return lines.slice(-n).join('\n');
  };
  return {
    name: spec.name,
    pid: child.pid ?? -1,
    child,
    exit,
    exited: () => done,
    recentOutput,
    async stop(graceMs = 10_000) {
      if (done) return;
      const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.kill('SIGTERM');
      await exit;
      clearTimeout(force);
    },
    async kill() {
      if (done) return;
      child.kill('SIGKILL');
      await exit;
    },
  };
}

/** Stops every process at once (SIGTERM, SIGKILL after the grace period). */
export async function stopAll(processes: ManagedProcess[], graceMs = 8_000): Promise<void> {
  await Promise.all(processes.map((p) => p.stop(graceMs)));
}

/** The last lines of a file, or '' if it cannot be read. */
export function tailFile(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

const given = new Set<number>();

/**
 * A port that is free right now, for a process about to listen on it. Chosen at random below the
 * kernel's ephemeral range (32768-60999 on Linux): a port from `listen(0)` is one that any other
 * test's server, or any outgoing connection, may be handed next, and once another server took it
 * a starting service failed to bind while the stranger answered its readiness probe. Never the
 * same port twice from this process.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (given.has(port)) continue;
    // Reserved before the check: a concurrent call must not pick it while this one looks.
    given.add(port);
    if (await canListen(port)) return port;
    given.delete(port);
  }
  throw new Error('no free port found between 20000 and 32000');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The status `url` answers with, or 0 when nothing answers within the timeout. */
export async function httpStatus(url: string, timeoutMs = 3000): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

export interface WaitReadyOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Which status counts as ready (default 2xx). */
  ready?: (status: number) => boolean;
}

/**
 * Polls `url` until it answers as ready; fails at once, with the process's last output, if the
 * process exits first, and after the deadline otherwise.
 */
export async function waitReady(
  proc: ManagedProcess | null,
  url: string,
  options: WaitReadyOptions = {},
): Promise<void> {
  const { timeoutMs = 60_000, intervalMs = 100, ready = (s: number) => s >= 200 && s < 300 } = options;
  const who = proc?.name ?? url;
  let gone = false;
  const exited = proc?.exit.then((how) => {
    gone = true;
    throw new Error(`${who} exited (${how}) during start:\n${proc.recentOutput()}`);
  });
  const polled = waitFor(
    async () => {
      if (gone) return true; // stop polling; the exit rejection wins the race
      const status = await httpStatus(url, 2_000);
      return ready(status) ? true : undefined;
    },
    { what: `${who} to answer at ${url}`, timeoutMs, intervalMs },
  ).catch((err: Error) => {
    throw new Error(`${err.message}\n${proc?.recentOutput() ?? ''}`);
  });
  exited?.catch(() => undefined); // an exit after the process became ready is not this wait's business
  await (exited ? Promise.race([polled, exited]) : polled);
}
