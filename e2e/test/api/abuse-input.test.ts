/**
 * Bad input never writes and never breaks a service: for every route that takes a body, each
 * generated bad body (e2e/src/abuse/malformed.ts) answers its 4xx with the security headers and
 * leaves the owning service's database byte-for-byte unchanged; malformed ids in paths answer
 * 404 and bad query strings 400, never a 5xx.
 */
import { Person } from '../../src/api-client';
import { fingerprint } from '../../src/abuse/db-counts';
import { World, buildWorld, quiesce } from '../../src/abuse/fixtures';
import { RawResponse, describeResponse, securityHeaderProblems, send } from '../../src/abuse/http';
import { badBodies } from '../../src/abuse/malformed';
import { BODY_ROUTES, Service } from '../../src/abuse/routes';
import { Stack, startStack } from '../../src/stack';

jest.setTimeout(60_000);

let stack: Stack;
let world: World;
const baseline: Partial<Record<Service, string>> = {};
const SERVICES: Service[] = ['auth', 'tickets', 'orders', 'payments'];
const db = (s: Service) => stack.services[s].ctx.db;

/** Unchanged since the last check; a write is reported once, not blamed on every later case. */
async function writesSinceLastCheck(service: Service): Promise<string> {
  const now = await fingerprint(db(service));
  const before = baseline[service];
  baseline[service] = now;
  return now === before ? 'no writes' : `${service} database changed`;
}

/** One assertion with the status, the answer when it is not the expected one, and whether anything was written. */
async function expectRefused(res: RawResponse, status: number, service: Service) {
  const writes = await writesSinceLastCheck(service);
  expect({ status: res.status, body: res.status === status ? undefined : describeResponse(res), writes }).toEqual({
    status,
    body: undefined,
    writes: 'no writes',
  });
}

beforeAll(async () => {
  stack = await startStack();
  world = await buildWorld(stack);
  await quiesce(SERVICES.map(db));
  for (const s of SERVICES) baseline[s] = await fingerprint(db(s));
}, 120_000);
afterAll(() => stack?.stop());

const actor = (name: 'seller' | 'buyer' | 'stranger'): Person => world[name];

const bodyCases = BODY_ROUTES.flatMap((route) =>
  // The valid body needs the world; build the case list from a placeholder world and resolve later.
  badBodies(route.valid(placeholderWorld()), route.required, route.limitBytes, route.strict).map(
    (bad) => [route.route, bad.name, bad.status, route] as const,
  ),
);

describe('bad bodies', () => {
  it.each(bodyCases)('%s with %s answers %i and writes nothing', async (_r, name, status, route) => {
    // Rebuild with the real ids now that the world exists.
    const bad = badBodies(route.valid(world), route.required, route.limitBytes, route.strict).find(
      (b) => b.name === name,
    )!;
    const base = bad.direct ? stack.services[route.service].url : stack.url;
    const res = await send(base, {
      method: route.method,
      path: route.path(world),
      cookie: actor(route.actor).cookie,
      ...bad.request,
    });
    await expectRefused(res, status, route.service);
    expect(res.body?.errors?.[0]?.message).toEqual(expect.any(String));
    expect(securityHeaderProblems(res)).toEqual([]);
  });
});

/** Ids that are not ids, in every path that takes one: 404 (the contract: "unknown or malformed id"). */
const BAD_IDS = [
  'not-an-id',
  '000000000000000000000000',
  'ffffffffffffffffffffffffffffffffffffffff',
  '%24gt',
  '%7B%22%24gt%22%3A%22%22%7D',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  'a'.repeat(2000),
];
const ID_ROUTES: {
  route: string;
  service: Service;
  actor: 'seller' | 'buyer';
  method: string;
  path: (id: string) => string;
  json?: unknown;
}[] = [
  {
    route: 'GET /api/tickets/:id',
    service: 'tickets',
    actor: 'seller',
    method: 'GET',
    path: (id) => `/api/tickets/${id}`,
  },
  {
    route: 'DELETE /api/tickets/:id',
    service: 'tickets',
    actor: 'seller',
    method: 'DELETE',
    path: (id) => `/api/tickets/${id}`,
  },
  {
    route: 'GET /api/tickets/serial-number/:serialNumber',
    service: 'tickets',
    actor: 'seller',
    method: 'GET',
    path: (id) => `/api/tickets/serial-number/${id}`,
  },
  {
    route: 'GET /api/events/:eventId',
    service: 'tickets',
    actor: 'seller',
    method: 'GET',
    path: (id) => `/api/events/${id}`,
  },
  { route: 'GET /api/orders/:id', service: 'orders', actor: 'buyer', method: 'GET', path: (id) => `/api/orders/${id}` },
  {
    route: 'PUT /api/orders/:id',
    service: 'orders',
    actor: 'buyer',
    method: 'PUT',
    path: (id) => `/api/orders/${id}`,
    json: { status: 'cancelled' },
  },
  {
    route: 'DELETE /api/orders/:id',
    service: 'orders',
    actor: 'buyer',
    method: 'DELETE',
    path: (id) => `/api/orders/${id}`,
  },
  {
    route: 'GET /api/payments/:id',
    service: 'payments',
    actor: 'buyer',
    method: 'GET',
    path: (id) => `/api/payments/${id}`,
  },
  {
    route: 'GET /api/payments/order/:orderId',
    service: 'payments',
    actor: 'buyer',
    method: 'GET',
    path: (id) => `/api/payments/order/${id}`,
  },
];

describe('malformed ids in paths', () => {
  it.each(
    ID_ROUTES.flatMap((r) =>
      BAD_IDS.map((id) => [r.route, id.length > 40 ? `${id.slice(0, 20)}…(${id.length})` : id, r, id] as const),
    ),
  )('%s with id %s answers 404 and writes nothing', async (_r, _label, route, id) => {
    const res = await send(stack.url, {
      method: route.method,
      path: route.path(id),
      cookie: actor(route.actor).cookie,
      json: route.json,
    });
    await expectRefused(res, 404, route.service);
    expect(securityHeaderProblems(res)).toEqual([]);
  });

  // Lists keyed by an id answer an empty page or a 4xx for a bad one; never a 5xx or someone's data.
  it.each(
    ['/api/tickets/event/', '/api/tickets/user/'].flatMap((p) =>
      BAD_IDS.map((id) => [p, id.slice(0, 30), id] as const),
    ),
  )('GET %s%s answers an empty list or a 4xx', async (prefix, _l, id) => {
    const res = await send(stack.url, { method: 'GET', path: `${prefix}${id}`, cookie: world.buyer.cookie });
    expect(res.status).toBeLessThan(500);
    if (res.status === 200) expect(res.body.items).toEqual([]);
    else expect(res.status).toBeGreaterThanOrEqual(400);
  });
});

const BAD_QUERIES: { path: string; actor?: 'buyer' }[] = [
  { path: '/api/tickets?limit=abc' },
  { path: '/api/tickets?limit=0' },
  { path: '/api/tickets?limit=-5' },
  { path: '/api/tickets?limit=201' },
  { path: '/api/tickets?limit=1.5' },
  { path: '/api/tickets?limit=1&limit=2' },
  { path: '/api/tickets?cursor=not-a-cursor' },
  { path: `/api/tickets?cursor=${'x'.repeat(300)}` },
  { path: '/api/tickets/event/vvG1zZ9KqAkS9L?sort=evil' },
  { path: '/api/tickets/user/000000000000000000000000?role=admin' },
  { path: '/api/tickets/user/000000000000000000000000?status=stolen' },
  { path: '/api/events/search?page=-1' },
  { path: '/api/events/search?size=1000' },
  { path: '/api/events/search?from=yesterday' },
  { path: `/api/events/search?keyword=${'k'.repeat(300)}` },
  { path: '/api/events/upcoming-with-tickets?limit=999' },
  { path: '/api/orders?limit=abc', actor: 'buyer' },
  { path: '/api/orders?cursor=%7B%22%24gt%22%3A%22%22%7D', actor: 'buyer' },
];

describe('bad query strings', () => {
  it.each(BAD_QUERIES.map((q) => [q.path.slice(0, 80), q] as const))('GET %s answers 400', async (_l, q) => {
    const res = await send(stack.url, {
      method: 'GET',
      path: q.path,
      cookie: q.actor ? world[q.actor].cookie : undefined,
    });
    expect({ status: res.status, body: res.status === 400 ? undefined : describeResponse(res) }).toEqual({
      status: 400,
      body: undefined,
    });
    expect(securityHeaderProblems(res)).toEqual([]);
  });
});

it('treats bracketed query keys as plain unknown keys, never as operators', async () => {
  const res = await send(stack.url, {
    method: 'GET',
    path: `/api/tickets/event/${world.eventId}?sort[$ne]=price&limit[$gt]=0`,
  });
  expect(res.status).toBe(200);
  const ids = res.body.items.map((t: { id: string }) => t.id);
  expect(ids).toContain(world.tickets.spare.id);
});

describe('route-specific bad values', () => {
  const cases: {
    name: string;
    service: Service;
    actor: 'seller' | 'buyer' | 'stranger';
    method: string;
    path: string | ((w: World) => string);
    json: (w: World) => unknown;
    status: number;
  }[] = [
    {
      name: 'signup with a malformed email',
      service: 'auth',
      actor: 'stranger',
      method: 'POST',
      path: '/api/users/signup',
      json: () => ({ email: 'not-an-email', password: 'password123' }),
      status: 400,
    },
    {
      name: 'signup with a 1000-character password',
      service: 'auth',
      actor: 'stranger',
      method: 'POST',
      path: '/api/users/signup',
      json: () => ({ email: 'long@example.test', password: 'p'.repeat(1000) }),
      status: 400,
    },
    {
      name: 'signup with a taken email',
      service: 'auth',
      actor: 'stranger',
      method: 'POST',
      path: '/api/users/signup',
      json: (w) => ({ email: w.buyer.email.toUpperCase(), password: 'password123' }),
      status: 409,
    },
    {
      name: 'password change with a wrong current password',
      service: 'auth',
      actor: 'buyer',
      method: 'PUT',
      path: '/api/users/password',
      json: () => ({ currentPassword: 'not the password', newPassword: 'another password' }),
      status: 400,
    },
    {
      name: 'password change to a 7-character password',
      service: 'auth',
      actor: 'buyer',
      method: 'PUT',
      path: '/api/users/password',
      json: (w) => ({ currentPassword: w.buyer.password, newPassword: 'short12' }),
      status: 400,
    },
    {
      name: 'password reset confirm with a made-up token',
      service: 'auth',
      actor: 'stranger',
      method: 'POST',
      path: '/api/users/password-reset/confirm',
      json: () => ({ token: 'made-up', newPassword: 'password123' }),
      status: 400,
    },
    {
      name: 'email verification with a made-up token',
      service: 'auth',
      actor: 'stranger',
      method: 'POST',
      path: '/api/users/verify-email',
      json: () => ({ token: 'made-up' }),
      status: 400,
    },
    {
      name: 'listing with a fractional price',
      service: 'tickets',
      actor: 'seller',
      method: 'POST',
      path: '/api/tickets/create',
      json: (w) => ({ title: 't', price: 10.5, serialNumber: 'S-FRACTION', eventId: w.eventId }),
      status: 400,
    },
    {
      name: 'listing with a negative price',
      service: 'tickets',
      actor: 'seller',
      method: 'POST',
      path: '/api/tickets/create',
      json: (w) => ({ title: 't', price: -100, serialNumber: 'S-NEG', eventId: w.eventId }),
      status: 400,
    },
    {
      name: 'listing with an absurd price',
      service: 'tickets',
      actor: 'seller',
      method: 'POST',
      path: '/api/tickets/create',
      json: (w) => ({ title: 't', price: 1e15, serialNumber: 'S-HUGE', eventId: w.eventId }),
      status: 400,
    },
    {
      name: 'listing with a 201-character title',
      service: 'tickets',
      actor: 'seller',
      method: 'POST',
      path: '/api/tickets/create',
      json: (w) => ({ title: 't'.repeat(201), price: 100, serialNumber: 'S-TITLE', eventId: w.eventId }),
      status: 400,
    },
    {
      name: 'listing with a non-ASCII serial',
      service: 'tickets',
      actor: 'seller',
      method: 'POST',
      path: '/api/tickets/create',
      json: (w) => ({ title: 't', price: 100, serialNumber: 'S-\u0000-☃', eventId: w.eventId }),
      status: 400,
    },
    {
      name: 'listing for an unknown Ticketmaster event',
      service: 'tickets',
      actor: 'seller',
      method: 'POST',
      path: '/api/tickets/create',
      json: () => ({ title: 't', price: 100, serialNumber: 'S-UNKNOWN', eventId: 'ZZZZunknownEvent0' }),
      status: 400,
    },
    {
      name: 'listing a serial already listed',
      service: 'tickets',
      actor: 'seller',
      method: 'POST',
      path: '/api/tickets/create',
      json: (w) => ({ title: 't', price: 100, serialNumber: w.tickets.spare.serialNumber, eventId: w.eventId }),
      status: 409,
    },
    {
      name: 'bulk listing of 1001 rows',
      service: 'tickets',
      actor: 'seller',
      method: 'POST',
      path: '/api/tickets/create',
      json: (w) => ({
        tickets: Array.from({ length: 1001 }, (_, i) => ({
          title: 't',
          price: 100,
          serialNumber: `S-BULK-${i}`,
          eventId: w.eventId,
        })),
      }),
      status: 400,
    },
    {
      name: 'bulk listing with one bad row among good ones',
      service: 'tickets',
      actor: 'seller',
      method: 'POST',
      path: '/api/tickets/create',
      json: (w) => ({
        tickets: [
          { title: 't', price: 100, serialNumber: 'S-OK-1', eventId: w.eventId },
          { title: 't', price: 'free', serialNumber: 'S-BAD', eventId: w.eventId },
          { title: 't', price: 100, serialNumber: 'S-OK-2', eventId: w.eventId },
        ],
      }),
      status: 400,
    },
    {
      name: 'bulk listing with the same serial twice',
      service: 'tickets',
      actor: 'seller',
      method: 'POST',
      path: '/api/tickets/create',
      json: (w) => ({
        tickets: [
          { title: 't', price: 100, serialNumber: 'S-TWICE', eventId: w.eventId },
          { title: 't', price: 100, serialNumber: 'S-TWICE', eventId: w.eventId },
        ],
      }),
      status: 400,
    },
    {
      name: 'edit changing nothing',
      service: 'tickets',
      actor: 'seller',
      method: 'PUT',
      path: '/api/tickets',
      json: (w) => ({ id: w.tickets.spare.id }),
      status: 400,
    },
    {
      name: 'edit of an unknown ticket',
      service: 'tickets',
      actor: 'seller',
      method: 'PUT',
      path: '/api/tickets',
      json: () => ({ id: '000000000000000000000000', price: 100 }),
      status: 404,
    },
    {
      name: 'edit setting the status',
      service: 'tickets',
      actor: 'seller',
      method: 'PUT',
      path: '/api/tickets',
      json: (w) => ({ id: w.tickets.spare.id, status: 'sold' }),
      status: 400,
    },
    {
      name: 'edit setting the owner',
      service: 'tickets',
      actor: 'seller',
      method: 'PUT',
      path: '/api/tickets',
      json: (w) => ({ id: w.tickets.spare.id, userId: w.stranger.id }),
      status: 400,
    },
    {
      name: 'order with no tickets',
      service: 'orders',
      actor: 'buyer',
      method: 'POST',
      path: '/api/orders',
      json: () => ({ tickets: [] }),
      status: 400,
    },
    {
      name: 'order listing a ticket twice',
      service: 'orders',
      actor: 'buyer',
      method: 'POST',
      path: '/api/orders',
      json: (w) => ({
        tickets: [
          { ticketId: w.tickets.spare.id, price: w.tickets.spare.price },
          { ticketId: w.tickets.spare.id, price: w.tickets.spare.price },
        ],
      }),
      status: 400,
    },
    {
      name: 'order of 21 tickets',
      service: 'orders',
      actor: 'buyer',
      method: 'POST',
      path: '/api/orders',
      json: () => ({
        tickets: Array.from({ length: 21 }, (_, i) => ({ ticketId: i.toString(16).padStart(24, '0'), price: 100 })),
      }),
      status: 400,
    },
    {
      name: 'order at a lower price',
      service: 'orders',
      actor: 'buyer',
      method: 'POST',
      path: '/api/orders',
      json: (w) => ({ tickets: [{ ticketId: w.tickets.spare.id, price: 100 }] }),
      status: 409,
    },
    {
      name: 'order of a sold ticket',
      service: 'orders',
      actor: 'stranger',
      method: 'POST',
      path: '/api/orders',
      json: () => ({ tickets: [{ ticketId: soldTicketId(), price: 4_200 }] }),
      status: 409,
    },
    {
      name: 'order status set to paid',
      service: 'orders',
      actor: 'buyer',
      method: 'PUT',
      path: (w) => `/api/orders/${w.orders.spare.id}`,
      json: () => ({ status: 'paid' }),
      status: 400,
    },
    {
      name: 'cancel of a paid order',
      service: 'orders',
      actor: 'buyer',
      method: 'DELETE',
      path: (w) => `/api/orders/${w.orders.read.id}`,
      json: () => undefined,
      status: 409,
    },
    {
      name: 'payment of a wrong amount',
      service: 'payments',
      actor: 'buyer',
      method: 'POST',
      path: '/api/payments/new',
      json: (w) => ({ orderId: w.orders.spare.id, amount: w.orders.spare.total - 1, confirmationTokenId: 'ctoken_x' }),
      status: 400,
    },
    {
      name: 'payment of a paid order',
      service: 'payments',
      actor: 'buyer',
      method: 'POST',
      path: '/api/payments/new',
      json: (w) => ({ orderId: w.orders.read.id, amount: w.orders.read.total, confirmationTokenId: 'ctoken_x' }),
      status: 409,
    },
    {
      name: 'payment with a bogus token',
      service: 'payments',
      actor: 'buyer',
      method: 'POST',
      path: '/api/payments/new',
      json: () => ({ orderId: '000000000000000000000000', amount: 100, confirmationTokenId: 'pm_card_visa' }),
      status: 400,
    },
    {
      name: 'test token for a live-looking method',
      service: 'payments',
      actor: 'buyer',
      method: 'POST',
      path: '/api/payments/test/confirmation-tokens',
      json: () => ({ paymentMethod: 'pm_1Live' }),
      status: 400,
    },
    {
      name: 'webhook with a forged signature',
      service: 'payments',
      actor: 'buyer',
      method: 'POST',
      path: '/api/webhooks/stripe',
      json: () => ({ id: 'evt_forged', type: 'payment_intent.succeeded', data: { object: {} } }),
      status: 400,
    },
  ];
  let sold = '';
  const soldTicketId = () => sold;

  it.each(cases.map((c) => [c.name, c.status, c] as const))(
    '%s answers %i and writes nothing',
    async (_n, status, c) => {
      sold =
        world.orders.read &&
        (await world.buyer.call('GET', `/api/orders/${world.orders.read.id}`)).body.tickets[0].ticketId;
      const json = c.json(world);
      const res = await send(stack.url, {
        method: c.method,
        path: typeof c.path === 'string' ? c.path : c.path(world),
        cookie: actor(c.actor).cookie,
        json,
        headers:
          c.path === '/api/webhooks/stripe'
            ? { 'stripe-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` }
            : undefined,
      });
      await expectRefused(res, status, c.service);
      expect(res.body.errors[0].message).toEqual(expect.any(String));
    },
  );
});

/** Ids for building the case names before the world exists (the names must not depend on them). */
function placeholderWorld(): World {
  const p = { id: 'p', email: 'p@example.test', password: 'p', cookie: '' } as Person;
  const l = { id: 'l', price: 1, serialNumber: 's' };
  const o = { id: 'o', total: 1 };
  return {
    seller: p,
    buyer: p,
    stranger: p,
    eventId: 'e',
    tickets: { read: l, edit: l, delist: l, hold: l, spare: l },
    orders: { read: o, cancelPut: o, cancelDelete: o, pay: o, spare: o },
    paymentId: 'x',
  };
}
