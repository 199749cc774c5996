import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startProcess } from '@bigtix/dev-runner';
import Stripe from 'stripe';
import { waitFor } from './support/harness';

const root = path.join(__dirname, '..');
const runMain = (env: NodeJS.ProcessEnv) =>
  startProcess({
    name: 'fake-stripe',
    args: ['--import', 'tsx', 'src/main.ts'],
    cwd: root,
    env,
    output: { kind: 'pipe' },
  }).child;

describe('the CLI (src/main.ts)', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('listens on FAKE_STRIPE_PORT, serves the official client, and exits cleanly on SIGTERM', async () => {
    child = runMain({ ...process.env, FAKE_STRIPE_PORT: '0', FAKE_STRIPE_WEBHOOK_URL: '' });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(out)?.[1], 20_000);
    const { hostname, port } = new URL(url);
    const stripe = new Stripe('sk_test_cli', {
      host: hostname,
      port: Number(port),
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const pi = await stripe.paymentIntents.create({ amount: 5000, currency: 'usd' });
    expect(pi.status).toBe('requires_payment_method');

    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);

  it('refuses a malformed FAKE_STRIPE_PORT with exit code 2', async () => {
    child = runMain({ ...process.env, FAKE_STRIPE_PORT: 'abc' });
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child?.once('exit', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(err).toMatch(/FAKE_STRIPE_PORT must be a non-negative integer/);
  }, 30_000);
});
