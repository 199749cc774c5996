import { ChildProcess, spawn } from 'node:child_process';
import readline from 'node:readline';

const COLORS = [36, 33, 35, 32, 34, 31, 96, 93];

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
}

/** Starts a child whose output lines are prefixed with its name, so one terminal shows the whole stack. */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  index: number,
): ManagedProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const color = process.stdout.isTTY && !process.env.NO_COLOR ? COLORS[index % COLORS.length] : 0;
  const label = color ? `\x1b[${color}m${name.padEnd(10)}\x1b[0m` : name.padEnd(10);
  for (const stream of [child.stdout!, child.stderr!]) {
    readline.createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${label} | ${line}\n`));
  }
  child.on('exit', (code, signal) => {
    process.stdout.write(`${label} | exited (${signal ?? code})\n`);
  });
  return { name, child };
}

/** SIGTERM to every child, then SIGKILL for any still alive after the grace period. */
export async function stopAll(processes: ManagedProcess[], graceMs = 8_000): Promise<void> {
  await Promise.all(
    processes.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
