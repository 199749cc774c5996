/**
 * The demo seed against a real private stack (every service and both fakes as processes, the
 * router in front; FerretDB and RabbitMQ isolated for this file), through the public APIs only.
 */
import { TEST_JWT_SECRET, TEST_RABBITMQ_URL, isolate, testLimitsEnv } from '@bigtix/testkit';
import { DEMO_BUYER, RunningStack, demoPrice, seedDemoMarketplace, startStack } from '../src';

jest.setTimeout(240_000);

const iso = isolate('seed');
let stack: RunningStack;
let base: string;

beforeAll(async () => {
  stack = await startStack({
    ports: 'free',
    names: { mongoUrl: iso.mongoUrl, exchange: iso.exchange, queuePrefix: iso.queuePrefix },
    fakes: { ticketmaster: { run: true, env: { FAKE_TICKETMASTER_RATE_LIMIT: '0' } }, stripe: { run: true } },
    env: {
      base: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      rabbitmqUrl: TEST_RABBITMQ_URL,
      jwtSecret: TEST_JWT_SECRET,
      services: { OUTBOX_POLL_MS: '100', ...testLimitsEnv(iso.id) },
    },
    router: {},
    serviceHost: '127.0.0.1',
    output: () => ({ kind: 'memory' }),
    sequential: true,
  });
  base = stack.routerUrl!;
});

afterAll(async () => {
  await stack?.stop();
  await iso.cleanup();
});

async function get(path: string, cookie?: string) {
  const res = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });
  return { status: res.status, body: (await res.json()) as any };
}

/** The seed's error, with the last output of any stack process that is gone (a 502 says only that one is). */
async function seed(): ReturnType<typeof seedDemoMarketplace> {
  try {
    return await seedDemoMarketplace(base);
  } catch (err) {
    const gone = stack.processes.filter((p) => p.exited()).map((p) => `${p.name} exited:\n${p.recentOutput()}`);
    throw new Error([(err as Error).message, ...gone].join('\n\n'));
  }
}

it('fills the home page with events that have tickets, a buyer who can sign in, and one paid order; a second run adds nothing', async () => {
  const first = await seed();
  expect(first).toMatchObject({ sellers: 3, events: 8, alreadyListed: 0, paidOrderWasThere: false });
  expect(first.created).toBeGreaterThanOrEqual(30);

  // What the home page shows: upcoming events with tickets for sale.
  const home = await get('/api/events/upcoming-with-tickets?limit=20');
  expect(home.status).toBe(200);
  expect(home.body.items).toHaveLength(8);
  for (const e of home.body.items) {
    expect(e.availableTickets).toBeGreaterThan(0);
    expect(e.lowestPrice).toBeGreaterThanOrEqual(1_000);
  }

  // The printed credentials work, and the buyer's past order is paid and its ticket sold to them.
  const signin = await fetch(`${base}/api/users/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_BUYER),
  });
  expect(signin.status).toBe(200);
  const cookie = signin.headers.getSetCookie()[0].split(';')[0];
  const order = await get(`/api/orders/${first.paidOrderId}`, cookie);
  expect(order.body.status).toBe('paid');
  const bought = await get(
    '/api/tickets/user/' + (await get('/api/users/currentuser', cookie)).body.currentUser.id + '?role=owner',
    cookie,
  );
  expect(bought.body.items.map((t: any) => t.id)).toContain(order.body.tickets[0].ticketId);

  const second = await seed();
  expect(second).toEqual({ ...first, created: 0, alreadyListed: first.created, paidOrderWasThere: true });
  expect((await get('/api/events/upcoming-with-tickets?limit=20')).body.items).toHaveLength(8);
});

it('prices inside the face-value range, in whole $5', () => {
  const range = { min: 4_950, max: 89_900 };
  for (const share of [0.25, 0.45, 0.7])
    for (let step = 0; step < 4; step++) {
      const p = demoPrice(range, share, step);
      expect(p % 500).toBe(0);
      expect(p).toBeGreaterThanOrEqual(range.min - 250);
      expect(p).toBeLessThanOrEqual(range.max);
    }
  expect(demoPrice({ min: 100, max: 200 }, 0.25, 0)).toBe(1_000);
});
