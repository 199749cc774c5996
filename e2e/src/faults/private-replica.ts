/**
 * Replaces a replica of a process stack with one started here, with its own environment (e.g.
 * its database behind a TcpProxy the test owns), on the same port so the stack's balancer and
 * router keep sending it traffic. The stack keeps the rest; stop this one before the stack.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { waitFor } from '@bigtix/testkit';
import { ProcessStack, httpStatus } from './process-stack';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface PrivateReplica {
  url: string;
  output: string[];
  stop(): Promise<void>;
}

export async function replaceReplica(
  stack: ProcessStack,
  service: string,
  env: Record<string, string>,
  index = 0,
): Promise<PrivateReplica> {
  const replica = stack.replicas[service][index];
  await stack.kill(service, index);
  const childEnv: NodeJS.ProcessEnv = stack.iso.env(service, {
    PORT: String(replica.port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'warn',
    OUTBOX_POLL_MS: '100',
    ...env,
  });
  delete childEnv.JEST_WORKER_ID;
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO_ROOT, 'services', service, 'dist', 'index.js')], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) output.push(line.slice(0, 500));
    if (output.length > 60) output.splice(0, output.length - 60);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(
    async () => {
      if (exited) throw new Error(`${service} (private) exited:\n${output.join('\n')}`);
      return (await httpStatus(`${replica.url}/readyz`)) === 200;
    },
    { what: `private ${service} to be ready`, timeoutMs: 60_000, intervalMs: 100 },
  );
  return {
    url: replica.url,
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
