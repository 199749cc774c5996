/**
 * Hoarding: one buyer holds at most MAX_HELD_TICKETS (default 8) tickets at once over all their
 * unpaid orders, even when their orders race; and POST /api/orders is rate limited per user and
 * per client IP (429 + Retry-After), with counters shared by every orders replica.
 */
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import { RunningService, startService } from '@bigtix/middleware';
import { ordersService } from '@bigtix/orders-service/src/service';
import { Person, newPerson } from '../../src/api-client';
import { quiesce } from '../../src/abuse/fixtures';
import { RawResponse, send } from '../../src/abuse/http';
import { Stack, startStack } from '../../src/stack';

jest.setTimeout(120_000);

interface Listed {
  id: string;
  price: number;
}

async function listTickets(stack: Stack, seller: Person, count: number): Promise<Listed[]> {
  const out: Listed[] = [];
  for (let i = 0; i < count; i++) {
    const res = await seller.call('POST', '/api/tickets/create', {
      title: `Hoard ${i}`,
      price: 2_500,
      description: 'x',
      serialNumber: `HOARD-${stack.iso.id}-${Date.now().toString(36)}-${i}`,
      eventId: FIXTURE_IDS.hamiltonNewYork,
    });
    if (res.status !== 201) throw new Error(`listing failed: ${res.status} ${JSON.stringify(res.body)}`);
    out.push({ id: res.body.id, price: res.body.price });
  }
  await quiesce(Object.values(stack.services).map((s) => s.ctx.db));
  return out;
}

const order = (buyer: Person, tickets: Listed[]) =>
  buyer.call('POST', '/api/orders', { tickets: tickets.map((t) => ({ ticketId: t.id, price: t.price })) });

describe('the hold cap', () => {
  let stack: Stack;
  let seller: Person;
  let tickets: Listed[];
  beforeAll(async () => {
    stack = await startStack({ only: ['auth', 'tickets', 'orders'] });
    seller = await newPerson(stack.url, 'hoard-seller');
    tickets = await listTickets(stack, seller, 24);
  });
  afterAll(() => stack?.stop());

  it('refuses a ninth held ticket with a 409 naming the limit, and counts again once an order is cancelled', async () => {
    const buyer = await newPerson(stack.url, 'hoarder');
    const first = await order(buyer, tickets.slice(0, 5));
    expect(first.status).toBe(201);
    const tooMany = await order(buyer, tickets.slice(5, 9));
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.errors[0].message).toMatch(/at most 8 tickets/);
    expect((await order(buyer, tickets.slice(5, 8))).status).toBe(201);
    expect((await order(buyer, tickets.slice(8, 9))).status).toBe(409);
    // The refused tickets are not held: somebody else can order them.
    const other = await newPerson(stack.url, 'other-buyer');
    const ordered = await order(other, tickets.slice(8, 9));
    expect(ordered.status).toBe(201);
    expect((await buyer.call('DELETE', `/api/orders/${first.body.id}`)).status).toBe(200);
    expect((await order(buyer, tickets.slice(9, 14))).status).toBe(201);
  });

  it('holds under concurrency: racing orders from one buyer never hold more than 8 tickets together', async () => {
    const buyer = await newPerson(stack.url, 'racer');
    // 3 concurrent orders of 3 tickets (9 in all): each sees the buyer under the cap, not all fit.
    const batches = [0, 1, 2].map((i) => tickets.slice(14 + i * 3, 17 + i * 3));
    const results = await Promise.all(batches.map((b) => order(buyer, b)));
    const held = results.reduce((sum, r, i) => sum + (r.status === 201 ? batches[i].length : 0), 0);
    for (const r of results) expect([201, 409]).toContain(r.status);
    expect(held).toBeLessThanOrEqual(8);
    expect(held).toBeGreaterThan(0);
    const active = (await buyer.call('GET', '/api/orders')).body.items.filter(
      (o: { status: string }) => o.status === 'created' || o.status === 'awaiting:payment',
    );
    expect(active.reduce((s: number, o: { tickets: unknown[] }) => s + o.tickets.length, 0)).toBe(held);
  });
});

describe('order rate limits', () => {
  let stack: Stack;
  let second: RunningService;
  const LIMIT_PER_USER = 3;
  const LIMIT_PER_IP = 5;
  beforeAll(async () => {
    stack = await startStack({
      only: ['auth', 'orders'],
      env: {
        TRUSTED_PROXIES: 'loopback',
        ORDER_RATE_LIMIT_PER_USER: String(LIMIT_PER_USER),
        ORDER_RATE_LIMIT_PER_IP: String(LIMIT_PER_IP),
      },
    });
    // A second orders replica on the same data and the same Redis prefix.
    second = await startService(ordersService, stack.env('orders'));
  });
  afterAll(async () => {
    await second?.stop();
    await stack?.stop();
  });

  const unknownTicket = { tickets: [{ ticketId: 'f'.repeat(24), price: 1_000 }] };
  const post = (url: string, who: Person, ip: string): Promise<RawResponse> =>
    send(url, {
      method: 'POST',
      path: '/api/orders',
      cookie: who.cookie,
      json: unknownTicket,
      headers: { 'x-forwarded-for': ip },
    });

  function expectLimited(res: RawResponse): void {
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60).toBe(true);
    expect(res.body.errors[0].message).toMatch(/too many orders/i);
  }

  it('answer 429 with Retry-After per user, counted across two replicas', async () => {
    const buyer = await newPerson(stack.url, 'eager');
    const urls = [stack.services.orders.url, second.url];
    const statuses = [];
    for (let i = 0; i < LIMIT_PER_USER; i++)
      statuses.push((await post(urls[i % 2], buyer, `198.51.100.${i + 1}`)).status);
    expect(statuses).toEqual(Array(LIMIT_PER_USER).fill(404));
    expectLimited(await post(urls[0], buyer, '198.51.100.50'));
    expectLimited(await post(urls[1], buyer, '198.51.100.51'));
  });

  it('answer 429 per client IP, whichever accounts the orders come from', async () => {
    const accounts = await Promise.all([0, 1, 2].map((i) => newPerson(stack.url, `farm-${i}`)));
    const urls = [stack.services.orders.url, second.url];
    const statuses = [];
    for (let i = 0; i < LIMIT_PER_IP; i++)
      statuses.push((await post(urls[i % 2], accounts[i % 3], '203.0.113.77')).status);
    expect(statuses).toEqual(Array(LIMIT_PER_IP).fill(404));
    expectLimited(await post(urls[0], accounts[2], '203.0.113.77'));
    expect((await post(urls[1], accounts[2], '203.0.113.78')).status).toBe(404);
  });
});
