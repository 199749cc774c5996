import http from 'node:http';
import { AddressInfo } from 'node:net';
import { closeServer } from '../src/http/close-server';

/** A server whose one handler answers when the test says so (a webhook or API call in flight at shutdown). */
async function slowServer() {
  let answer = () => undefined as void;
  let onArrival = () => undefined as void;
  const arrived = new Promise<void>((resolve) => (onArrival = resolve));
  const server = http.createServer((_req, res) => {
    answer = () => void res.end('ok');
    onArrival();
  });
  server.keepAliveTimeout = 65_000; // as services set it
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, arrived, answer: () => answer() };
}

/** Callers keep connections alive, as the router, fetch and Stripe's webhook sender do. */
const agent = new http.Agent({ keepAlive: true });
afterAll(() => agent.destroy());

const get = (port: number) =>
  new Promise<string>((resolve, reject) =>
    http
      .get({ host: '127.0.0.1', port, agent }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve(body));
      })
      .on('error', reject),
  );

it('lets a request in flight finish, then closes its keep-alive connection at once (not after keepAliveTimeout)', async () => {
  const s = await slowServer();
  const response = get(s.port);
  await s.arrived;
  const started = Date.now();
  const closing = closeServer(s.server, 30_000);
  s.answer();
  expect(await response).toBe('ok');
  await closing;
  expect(Date.now() - started).toBeLessThan(5_000);
});

it('cuts a request that outlives the grace period', async () => {
  const s = await slowServer();
  const response = get(s.port).catch((err: Error) => err.message);
  await s.arrived;
  await closeServer(s.server, 200);
  expect(await response).toMatch(/socket hang up|ECONNRESET/);
});
