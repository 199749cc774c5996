// Starts an isolated BigTix stack for the browser tests (unless BIGTIX_URL points at one):
// the dev runner with the production web build, every port moved by PORT_OFFSET and its own
// databases, exchange and queues (STACK_ID), so it can run beside `make dev`.
const crypto = require('crypto');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
// The supervisor from the dev runner's build (this file is plain JavaScript, run before ts-jest).
const { startProcess, waitReady } = require(path.join(ROOT, 'tools/dev-runner/dist/supervisor.js'));
const waitUntil = (url, ok, timeoutMs) =>
  waitReady(null, url, { ready: (status) => ok({ status }), timeoutMs, intervalMs: 500 });
const OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 700);

module.exports = async () => {
  if (process.env.BIGTIX_URL) return;
  const stackId = `e2e${crypto.randomBytes(3).toString('hex')}`;
  const { child } = startProcess({
    name: 'browser-stack',
    args: [path.join(ROOT, 'tools/dev-runner/dist/dev.js')],
    cwd: ROOT,
    env: {
      ...process.env,
      WEB_MODE: 'production',
      NODE_ENV: 'development',
      PORT_OFFSET: String(OFFSET),
      STACK_ID: stackId,
      ROUTER_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // The journey makes its own sellers and listings; the demo marketplace would change what it sees.
      SEED: '0',
      // Every test signs up its own people from this one address; the limits are tested in e2e/test/api/abuse-*.
      SIGNUP_RATE_LIMIT_PER_IP: '100000',
      ORDER_RATE_LIMIT_PER_IP: '100000',
    },
    output: { kind: 'pipe' },
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output = (output + d).slice(-20000)));
  child.stderr.on('data', (d) => (output = (output + d).slice(-20000)));
  globalThis.__BIGTIX_BROWSER_STACK__ = { child, stackId, output: () => output };
  const base = `http://localhost:${3000 + OFFSET}`;
  try {
    await waitUntil(`${base}/api/users/currentuser`, (r) => r.status === 200, 120_000);
    await waitUntil(`${base}/api/tickets`, (r) => r.status === 200, 60_000);
    await waitUntil(`${base}/`, (r) => r.status === 200, 120_000);
  } catch (err) {
    process.stderr.write(output);
    throw err;
  }
  process.env.BIGTIX_URL = base;
};
