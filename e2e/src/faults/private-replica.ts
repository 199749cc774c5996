/**
 * Replaces a replica of a process stack with one started here, with its own environment (e.g.
 * its database behind a TcpProxy the test owns), on the same port so the stack's balancer and
 * router keep sending it traffic. The stack keeps the rest; stop this one before the stack.
 */
import path from 'node:path';
import { startProcess, waitReady } from '@bigtix/dev-runner';
import { ProcessStack } from './process-stack';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface PrivateReplica {
  url: string;
  /** Its last output lines (kept while it runs), for a failing assertion's message. */
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
  const output: string[] = [];
  const proc = startProcess({
    name: `${service} (private)`,
    args: [path.join(REPO_ROOT, 'services', service, 'dist', 'index.js')],
    cwd: REPO_ROOT,
    env: childEnv,
    output: { kind: 'memory', lines: output, keep: 60 },
  });
  await waitReady(proc, `${replica.url}/readyz`, { timeoutMs: 60_000 });
  return { url: replica.url, output, stop: () => proc.stop() };
}
