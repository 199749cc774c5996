/**
 * The dev database crashes and comes back while every service keeps running: each service says
 * it is not ready while the database is gone (readyz 503, so Kubernetes stops routing to it) and
 * ready again afterwards, and requests work again, with no restart of any service.
 */
import { waitFor } from '@bigtix/testkit';
import { newPerson } from '../../src/api-client';
import { portOpen } from '../../src/faults/broker-control';
import { killDevDatabase, startDevDatabase } from '../../src/faults/db-control';
import { hold, listTicket, orderStatus } from '../../src/faults/flows';
import { ProcessStack, httpStatus, startProcessStack } from '../../src/faults/process-stack';

jest.setTimeout(180_000);

let stack: ProcessStack;

beforeAll(async () => {
  stack = await startProcessStack({ label: 'dbrestart', env: { ORDER_HOLD_SECONDS: '300' } });
}, 180_000);
afterAll(async () => {
  if (!(await portOpen(27017))) startDevDatabase();
  await stack?.stop();
});

const readiness = (service: string) => httpStatus(`${stack.replicas[service][0].url}/readyz`, 20_000);

it('answers readyz 503 while the database is down and serves requests again once it is back, without restarting', async () => {
  const seller = await newPerson(stack.url, 'seller');
  const services = Object.keys(stack.replicas);
  const pids = services.map((s) => stack.replicas[s][0].child!.pid);

  await killDevDatabase();
  try {
    await Promise.all(
      services.map((s) =>
        waitFor(async () => (await readiness(s)) === 503, {
          what: `${s} readyz 503 without a database`,
          timeoutMs: 60_000,
          intervalMs: 200,
        }),
      ),
    );
    // Health is about the process, not its dependencies: the process is still up.
    for (const s of services) expect(await httpStatus(`${stack.replicas[s][0].url}/healthz`)).toBe(200);
  } finally {
    startDevDatabase();
  }

  try {
    await Promise.all(
      services.map((s) =>
        waitFor(async () => (await readiness(s)) === 200, {
          what: `${s} ready again`,
          timeoutMs: 60_000,
          intervalMs: 250,
        }),
      ),
    );
    expect(services.map((s) => stack.replicas[s][0].child?.pid)).toEqual(pids);

    // Every service reads and writes again: sign-up (auth), listing (tickets), its event reaching
    // orders, and a hold (orders).
    const buyer = await newPerson(stack.url, 'buyer');
    const listed = await listTicket(seller, 'after-db');
    const order = await hold(buyer, [listed], 60_000);
    expect(await orderStatus(buyer, order.id)).toBe('created');
    // ...and its order.created reaching payments.
    await waitFor(async () => (await buyer.call('GET', `/api/payments/order/${order.id}`)).status === 200, {
      what: 'payments to know the order',
      timeoutMs: 30_000,
      intervalMs: 250,
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${stack.logs()}`);
  }
});
