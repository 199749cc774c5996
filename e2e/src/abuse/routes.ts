/**
 * Every route of the HTTP contract (ARCHITECTURE.md) and the extra ones the services add, with
 * who may call it. Adding a route is adding one row here (and one in BODY_ROUTES if it takes a
 * body); the tests generate their cases from these tables.
 */
import type { Person } from '../api-client';
import { confirmationToken, type World } from './fixtures';
import type { RawRequest, RawResponse } from './http';

export type Actor = 'anonymous' | 'stranger' | 'owner';
export type Service = 'auth' | 'tickets' | 'orders' | 'payments';

export interface AuthRow {
  route: string;
  service: Service;
  /** Who "owner" is for this row: the seller of the listing, or the buyer of the order. */
  owner: 'seller' | 'buyer';
  request(w: World, actor: Actor, who: Person | null): RawRequest | Promise<RawRequest>;
  expect: Record<Actor, number>;
  /** What else must hold for a 2xx (e.g. a field only the owner sees). */
  check?(res: RawResponse, w: World, actor: Actor, who: Person | null): void;
}

const all = (status: number): Record<Actor, number> => ({ anonymous: status, stranger: status, owner: status });
const ownerOnly = (ok: number, stranger = 404): Record<Actor, number> => ({ anonymous: 401, stranger, owner: ok });
let unique = 0;
const fresh = (w: World) => `${w.eventId}-${Date.now().toString(36)}-${++unique}`;
const credentials = (w: World) => ({ email: w.buyer.email, password: w.buyer.password });

async function newCliToken(w: World): Promise<string> {
  const res = await fetch(`${w.buyer.baseUrl}/api/users/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials(w)),
  });
  return ((await res.json()) as { id: string }).id;
}

async function freshSession(who: Person): Promise<string> {
  const res = await fetch(`${who.baseUrl}/api/users/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  return res.headers.getSetCookie()[0].split(';')[0];
}

export const AUTH_ROWS: AuthRow[] = [
  // auth
  {
    route: 'POST /api/users/signup',
    service: 'auth',
    owner: 'buyer',
    expect: all(201),
    request: (w) => ({
      method: 'POST',
      path: '/api/users/signup',
      json: { email: `new-${fresh(w)}@example.test`.toLowerCase(), password: 'password123' },
    }),
  },
  {
    route: 'POST /api/users/signin',
    service: 'auth',
    owner: 'buyer',
    expect: all(200),
    request: (w) => ({ method: 'POST', path: '/api/users/signin', json: credentials(w) }),
  },
  {
    // Sign-out revokes the session it is called with: a fresh one, so the actor's own survives.
    route: 'POST /api/users/signout',
    service: 'auth',
    owner: 'buyer',
    expect: all(204),
    request: async (_w, _a, who) => ({
      method: 'POST',
      path: '/api/users/signout',
      cookie: who ? await freshSession(who) : undefined,
    }),
  },
  {
    route: 'GET /api/users/currentuser',
    service: 'auth',
    owner: 'buyer',
    expect: all(200),
    request: () => ({ method: 'GET', path: '/api/users/currentuser' }),
    check: (res, _w, _a, who) => expect(res.body.currentUser?.id ?? null).toBe(who?.id ?? null),
  },
  {
    route: 'POST /api/users/tokens',
    service: 'auth',
    owner: 'buyer',
    expect: all(201),
    request: (w) => ({ method: 'POST', path: '/api/users/tokens', json: credentials(w) }),
  },
  {
    route: 'GET /api/users/tokens',
    service: 'auth',
    owner: 'buyer',
    expect: { anonymous: 401, stranger: 200, owner: 200 },
    request: () => ({ method: 'GET', path: '/api/users/tokens' }),
    check: (res) => expect(res.body.items).toEqual(expect.any(Array)),
  },
  {
    route: 'DELETE /api/users/tokens/:id',
    service: 'auth',
    owner: 'buyer',
    expect: ownerOnly(204),
    request: async (w) => ({ method: 'DELETE', path: `/api/users/tokens/${await newCliToken(w)}` }),
  },

  // tickets
  {
    route: 'GET /api/tickets',
    service: 'tickets',
    owner: 'seller',
    expect: all(200),
    request: () => ({ method: 'GET', path: '/api/tickets' }),
  },
  {
    route: 'GET /api/tickets/:id',
    service: 'tickets',
    owner: 'seller',
    expect: all(200),
    request: (w) => ({ method: 'GET', path: `/api/tickets/${w.tickets.read.id}` }),
    check: (res, w, actor) =>
      expect(res.body.serialNumber).toBe(actor === 'owner' ? w.tickets.read.serialNumber : undefined),
  },
  {
    route: 'GET /api/tickets/serial-number/:serialNumber',
    service: 'tickets',
    owner: 'seller',
    expect: ownerOnly(200),
    request: (w) => ({
      method: 'GET',
      path: `/api/tickets/serial-number/${encodeURIComponent(w.tickets.read.serialNumber)}`,
    }),
  },
  {
    route: 'GET /api/tickets/event/:eventId',
    service: 'tickets',
    owner: 'seller',
    expect: all(200),
    request: (w) => ({ method: 'GET', path: `/api/tickets/event/${w.eventId}?sort=price` }),
  },
  {
    route: 'GET /api/tickets/user/:userId',
    service: 'tickets',
    owner: 'seller',
    expect: all(200),
    request: (w) => ({ method: 'GET', path: `/api/tickets/user/${w.seller.id}` }),
  },
  {
    route: 'GET /api/tickets/user/:userId?role=owner',
    service: 'tickets',
    owner: 'seller',
    expect: { anonymous: 403, stranger: 403, owner: 200 },
    request: (w) => ({ method: 'GET', path: `/api/tickets/user/${w.seller.id}?role=owner` }),
  },
  {
    route: 'POST /api/tickets/create',
    service: 'tickets',
    owner: 'seller',
    expect: { anonymous: 401, stranger: 201, owner: 201 },
    request: (w) => ({
      method: 'POST',
      path: '/api/tickets/create',
      json: { title: 'Row', price: 1000, description: '', serialNumber: fresh(w), eventId: w.eventId },
    }),
    check: (res, _w, _a, who) => expect(res.body.userId).toBe(who!.id),
  },
  {
    route: 'POST /api/tickets/create (userId of someone else)',
    service: 'tickets',
    owner: 'seller',
    expect: { anonymous: 401, stranger: 403, owner: 403 },
    request: (w, actor) => ({
      method: 'POST',
      path: '/api/tickets/create',
      json: {
        title: 'Row',
        price: 1000,
        serialNumber: fresh(w),
        eventId: w.eventId,
        userId: actor === 'owner' ? w.stranger.id : w.seller.id,
      },
    }),
  },
  {
    route: 'PUT /api/tickets',
    service: 'tickets',
    owner: 'seller',
    expect: ownerOnly(200, 403),
    request: (w) => ({ method: 'PUT', path: '/api/tickets', json: { id: w.tickets.edit.id, price: 4_300 } }),
  },
  {
    route: 'DELETE /api/tickets/:id',
    service: 'tickets',
    owner: 'seller',
    expect: ownerOnly(200, 403),
    request: (w) => ({ method: 'DELETE', path: `/api/tickets/${w.tickets.delist.id}` }),
    check: (res) => expect(res.body.status).toBe('withdrawn'),
  },

  // events (Ticketmaster, read-only)
  {
    route: 'GET /api/events/search',
    service: 'tickets',
    owner: 'seller',
    expect: all(200),
    request: () => ({ method: 'GET', path: '/api/events/search?keyword=hamilton' }),
  },
  {
    route: 'GET /api/events/upcoming-with-tickets',
    service: 'tickets',
    owner: 'seller',
    expect: all(200),
    request: () => ({ method: 'GET', path: '/api/events/upcoming-with-tickets' }),
  },
  {
    route: 'GET /api/events/:eventId',
    service: 'tickets',
    owner: 'seller',
    expect: all(200),
    request: (w) => ({ method: 'GET', path: `/api/events/${w.eventId}` }),
  },

  // orders
  {
    route: 'GET /api/orders',
    service: 'orders',
    owner: 'buyer',
    expect: ownerOnly(200, 200),
    request: () => ({ method: 'GET', path: '/api/orders' }),
    check: (res, w, actor) => {
      const ids = res.body.items.map((o: { id: string }) => o.id);
      if (actor === 'owner') expect(ids).toContain(w.orders.read.id);
      else expect(ids).not.toContain(w.orders.read.id);
    },
  },
  {
    route: 'GET /api/orders/:id',
    service: 'orders',
    owner: 'buyer',
    expect: ownerOnly(200),
    request: (w) => ({ method: 'GET', path: `/api/orders/${w.orders.read.id}` }),
  },
  {
    // "owner" here is the seller trying to buy their own listing: 400, nothing held.
    route: 'POST /api/orders',
    service: 'orders',
    owner: 'seller',
    expect: { anonymous: 401, stranger: 201, owner: 400 },
    request: (w, actor) => {
      const t = actor === 'owner' ? w.tickets.spare : w.tickets.hold;
      return { method: 'POST', path: '/api/orders', json: { tickets: [{ ticketId: t.id, price: t.price }] } };
    },
  },
  {
    route: 'PUT /api/orders/:id',
    service: 'orders',
    owner: 'buyer',
    expect: ownerOnly(200),
    request: (w) => ({ method: 'PUT', path: `/api/orders/${w.orders.cancelPut.id}`, json: { status: 'cancelled' } }),
    check: (res) => expect(res.body.status).toBe('cancelled'),
  },
  {
    route: 'DELETE /api/orders/:id',
    service: 'orders',
    owner: 'buyer',
    expect: ownerOnly(200),
    request: (w) => ({ method: 'DELETE', path: `/api/orders/${w.orders.cancelDelete.id}` }),
    check: (res) => expect(res.body.status).toBe('cancelled'),
  },

  // payments
  {
    route: 'POST /api/payments/new',
    service: 'payments',
    owner: 'buyer',
    expect: ownerOnly(201),
    request: async (w) => ({
      method: 'POST',
      path: '/api/payments/new',
      json: {
        orderId: w.orders.pay.id,
        amount: w.orders.pay.total,
        confirmationTokenId: await confirmationToken(w.buyer),
      },
    }),
  },
  {
    route: 'POST /api/payments/test/confirmation-tokens',
    service: 'payments',
    owner: 'buyer',
    expect: { anonymous: 401, stranger: 201, owner: 201 },
    request: () => ({
      method: 'POST',
      path: '/api/payments/test/confirmation-tokens',
      json: { paymentMethod: 'pm_card_visa' },
    }),
  },
  {
    route: 'GET /api/payments/order/:orderId',
    service: 'payments',
    owner: 'buyer',
    expect: ownerOnly(200),
    request: (w) => ({ method: 'GET', path: `/api/payments/order/${w.orders.read.id}` }),
  },
  {
    route: 'GET /api/payments/:id',
    service: 'payments',
    owner: 'buyer',
    expect: ownerOnly(200),
    request: (w) => ({ method: 'GET', path: `/api/payments/${w.paymentId}` }),
  },
  // payouts: a seller's own money; everyone signed in sees only their own (a stranger's list is empty)
  {
    route: 'GET /api/payouts/fees',
    service: 'payments',
    owner: 'seller',
    expect: all(200),
    request: () => ({ method: 'GET', path: '/api/payouts/fees' }),
  },
  ...(['/api/payouts', '/api/payouts/summary', '/api/payouts/account'] as const).map((path): AuthRow => ({
    route: `GET ${path}`,
    service: 'payments',
    owner: 'seller',
    expect: { anonymous: 401, stranger: 200, owner: 200 },
    request: () => ({ method: 'GET', path }),
  })),
  {
    route: 'POST /api/payouts/account',
    service: 'payments',
    owner: 'seller',
    expect: { anonymous: 401, stranger: 201, owner: 201 },
    request: () => ({ method: 'POST', path: '/api/payouts/account' }),
  },
  // Stripe authenticates by signature, not by user: unsigned is 400 for everyone.
  {
    route: 'POST /api/webhooks/stripe (unsigned)',
    service: 'payments',
    owner: 'buyer',
    expect: all(400),
    request: () => ({
      method: 'POST',
      path: '/api/webhooks/stripe',
      json: { id: 'evt_1', type: 'payment_intent.succeeded' },
    }),
  },
];

/** Routes that take a JSON body, with a valid body to mutate and who sends it. */
export interface BodyRoute {
  route: string;
  service: Service;
  actor: 'seller' | 'buyer' | 'stranger';
  method: string;
  path(w: World): string;
  valid(w: World): Record<string, unknown>;
  required: string[];
  /** Largest body the service accepts (413 beyond). */
  limitBytes: number;
  /** False for a route that ignores unknown fields instead of refusing them (say why at the row). */
  strict?: boolean;
}

export const BODY_ROUTES: BodyRoute[] = [
  {
    route: 'POST /api/users/signup',
    service: 'auth',
    actor: 'stranger',
    method: 'POST',
    path: () => '/api/users/signup',
    valid: () => ({ email: 'someone-new@example.test', password: 'password123' }),
    required: ['email', 'password'],
    limitBytes: 16 * 1024,
  },
  {
    route: 'POST /api/users/signin',
    service: 'auth',
    actor: 'stranger',
    method: 'POST',
    path: () => '/api/users/signin',
    valid: (w) => credentials(w),
    required: ['email', 'password'],
    limitBytes: 16 * 1024,
  },
  {
    route: 'POST /api/users/tokens',
    service: 'auth',
    actor: 'stranger',
    method: 'POST',
    path: () => '/api/users/tokens',
    valid: (w) => credentials(w),
    required: ['email', 'password'],
    limitBytes: 16 * 1024,
  },
  {
    route: 'POST /api/tickets/create',
    service: 'tickets',
    actor: 'seller',
    method: 'POST',
    path: () => '/api/tickets/create',
    valid: (w) => ({
      title: 'Row 1',
      price: 1500,
      description: 'd',
      serialNumber: 'ABUSE-NEVER-WRITTEN',
      eventId: w.eventId,
    }),
    required: ['title', 'price', 'serialNumber', 'eventId'],
    limitBytes: 2 * 1024 * 1024,
  },
  {
    route: 'POST /api/tickets/create (bulk)',
    service: 'tickets',
    actor: 'seller',
    method: 'POST',
    path: () => '/api/tickets/create',
    valid: (w) => ({
      tickets: [{ title: 'Row 1', price: 1500, serialNumber: 'ABUSE-BULK-NEVER', eventId: w.eventId }],
    }),
    required: ['tickets'],
    limitBytes: 2 * 1024 * 1024,
  },
  {
    route: 'PUT /api/tickets',
    service: 'tickets',
    actor: 'seller',
    method: 'PUT',
    path: () => '/api/tickets',
    valid: (w) => ({ id: w.tickets.spare.id, price: 9_999 }),
    required: ['id'],
    limitBytes: 2 * 1024 * 1024,
  },
  {
    route: 'POST /api/orders',
    service: 'orders',
    actor: 'buyer',
    method: 'POST',
    path: () => '/api/orders',
    valid: (w) => ({ tickets: [{ ticketId: w.tickets.spare.id, price: w.tickets.spare.price }] }),
    required: ['tickets'],
    limitBytes: 64 * 1024,
  },
  {
    route: 'PUT /api/orders/:id',
    service: 'orders',
    actor: 'buyer',
    method: 'PUT',
    path: (w) => `/api/orders/${w.orders.spare.id}`,
    valid: () => ({ status: 'cancelled' }),
    required: ['status'],
    limitBytes: 64 * 1024,
  },
  {
    route: 'POST /api/payments/new',
    service: 'payments',
    actor: 'buyer',
    method: 'POST',
    path: () => '/api/payments/new',
    valid: (w) => ({
      orderId: w.orders.spare.id,
      amount: w.orders.spare.total,
      confirmationTokenId: 'ctoken_never_used',
    }),
    required: ['orderId', 'amount', 'confirmationTokenId'],
    limitBytes: 256 * 1024,
  },
  {
    route: 'POST /api/payments/test/confirmation-tokens',
    service: 'payments',
    actor: 'buyer',
    method: 'POST',
    path: () => '/api/payments/test/confirmation-tokens',
    valid: () => ({ paymentMethod: 'pm_card_visa' }),
    required: ['paymentMethod'],
    limitBytes: 256 * 1024,
    // Test-mode helper (off in production) that reads only paymentMethod and stores nothing:
    // unknown fields are ignored, not refused (reported to payments as a small inconsistency).
    strict: false,
  },
];
