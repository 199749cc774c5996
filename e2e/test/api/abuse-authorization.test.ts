/**
 * The authorization matrix: every route of the contract called anonymously, by a stranger and by
 * its owner, answers the status the contract gives each of them (never a 5xx), with the security
 * headers on every answer. Rows live in e2e/src/abuse/routes.ts.
 */
import { Person } from '../../src/api-client';
import { World, buildWorld } from '../../src/abuse/fixtures';
import { describeResponse, securityHeaderProblems, send } from '../../src/abuse/http';
import { AUTH_ROWS, Actor } from '../../src/abuse/routes';
import { Stack, startStack } from '../../src/stack';

jest.setTimeout(60_000);

let stack: Stack;
let world: World;
beforeAll(async () => {
  stack = await startStack();
  world = await buildWorld(stack);
}, 120_000);
afterAll(() => stack?.stop());

// Stranger before owner: an owner's success (a cancel, a delist) must not be what makes a
// stranger's request fail.
const ACTORS: Actor[] = ['anonymous', 'stranger', 'owner'];
const cases = AUTH_ROWS.flatMap((row) => ACTORS.map((actor) => ({ row, actor, status: row.expect[actor] })));

function person(actor: Actor, owner: 'seller' | 'buyer'): Person | null {
  if (actor === 'anonymous') return null;
  return actor === 'stranger' ? world.stranger : world[owner];
}

it.each(cases.map((c) => [c.row.route, c.actor, c.status, c] as const))(
  '%s as %s answers %i',
  async (_route, actor, status, { row }) => {
    const who = person(actor, row.owner);
    const request = await row.request(world, actor, who);
    // A row may bring its own session (sign-out revokes the one it is called with).
    const res = await send(stack.url, { ...request, cookie: 'cookie' in request ? request.cookie : who?.cookie });
    expect({ status: res.status, body: res.status === status ? undefined : describeResponse(res) }).toEqual({
      status,
      body: undefined,
    });
    expect(securityHeaderProblems(res)).toEqual([]);
    if (res.status < 300) row.check?.(res, world, actor, who);
  },
);

it('accepts a CLI bearer token wherever a session cookie works', async () => {
  const token = await send(stack.url, {
    method: 'POST',
    path: '/api/users/tokens',
    json: { email: world.buyer.email, password: world.buyer.password },
  });
  expect(token.status).toBe(201);
  const res = await send(stack.url, {
    method: 'GET',
    path: `/api/orders/${world.orders.read.id}`,
    headers: { authorization: `Bearer ${token.body.token}` },
  });
  expect(res.status).toBe(200);
  const forged = await send(stack.url, {
    method: 'GET',
    path: `/api/orders/${world.orders.read.id}`,
    headers: { authorization: `Bearer ${token.body.token.slice(0, -2)}xx` },
  });
  expect(forged.status).toBe(401);
});

it('refuses a session cookie signed with another secret', async () => {
  const [header, payload] = world.buyer.cookie.split('=')[1].split('.');
  const res = await send(stack.url, {
    method: 'GET',
    path: '/api/orders',
    cookie: `session=${header}.${payload}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
  });
  expect(res.status).toBe(401);
});
