/**
 * Sessions and CLI tokens have server-side ids: signing out (browser or `bigtix logout`) and
 * `DELETE /api/users/tokens/:id` revoke them, and a revoked one answers 401 on every service at
 * once (the revocation list is in the Redis they share). Each kind of token works only where it
 * belongs: a CLI token is not a browser session and the other way round.
 */
import { SESSION_COOKIE } from '@bigtix/common';
import { newPerson } from '../../src/api-client';
import { send } from '../../src/abuse/http';
import { Stack, startStack } from '../../src/stack';

jest.setTimeout(60_000);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ only: ['auth', 'tickets', 'orders', 'payments'] });
});
afterAll(() => stack?.stop());

const PROTECTED = ['/api/orders', '/api/users/tokens', '/api/payments/order/000000000000000000000000'];
const asCookie = (cookie: string, path: string) => send(stack.url, { method: 'GET', path, cookie });
const asBearer = (token: string, path: string) =>
  send(stack.url, { method: 'GET', path, headers: { authorization: `Bearer ${token}` } });

async function cliToken(email: string, password: string): Promise<{ token: string; id: string }> {
  const res = await send(stack.url, { method: 'POST', path: '/api/users/tokens', json: { email, password } });
  expect(res.status).toBe(201);
  return res.body;
}

it('refuses a copied session cookie on every service once its owner signed out', async () => {
  const person = await newPerson(stack.url, 'leaver');
  const copied = person.cookie;
  expect((await asCookie(copied, '/api/orders')).status).toBe(200);
  expect((await asCookie(copied, '/api/payments/order/000000000000000000000000')).status).not.toBe(401);
  expect((await send(stack.url, { method: 'POST', path: '/api/users/signout', cookie: copied })).status).toBe(204);
  for (const path of ['/api/orders', '/api/payments/order/000000000000000000000000', '/api/users/tokens'])
    expect((await asCookie(copied, path)).status).toBe(401);
  expect((await asCookie(copied, '/api/users/currentuser')).body.currentUser).toBeNull();
  // Signing in again works, with a new session.
  const again = await send(stack.url, {
    method: 'POST',
    path: '/api/users/signin',
    json: { email: person.email, password: person.password },
  });
  expect(again.status).toBe(200);
  const fresh = again.headers.getSetCookie()[0].split(';')[0];
  expect((await asCookie(fresh, '/api/orders')).status).toBe(200);
});

it('lists CLI tokens, and a revoked one (DELETE or logout) answers 401 everywhere', async () => {
  const person = await newPerson(stack.url, 'cli-user');
  const laptop = await cliToken(person.email, person.password);
  const server = await cliToken(person.email, person.password);
  const list = await asBearer(laptop.token, '/api/users/tokens');
  expect(list.status).toBe(200);
  expect(list.body.items.map((t: { id: string }) => t.id).sort()).toEqual([laptop.id, server.id].sort());
  expect(list.body.items.find((t: { id: string }) => t.id === laptop.id).current).toBe(true);

  const revoke = await send(stack.url, {
    method: 'DELETE',
    path: `/api/users/tokens/${server.id}`,
    headers: { authorization: `Bearer ${laptop.token}` },
  });
  expect(revoke.status).toBe(204);
  for (const path of PROTECTED) expect((await asBearer(server.token, path)).status).toBe(401);
  expect((await asBearer(laptop.token, '/api/orders')).status).toBe(200);

  // `bigtix logout`: sign-out with the bearer revokes that token.
  const logout = await send(stack.url, {
    method: 'POST',
    path: '/api/users/signout',
    headers: { authorization: `Bearer ${laptop.token}` },
  });
  expect(logout.status).toBe(204);
  for (const path of PROTECTED) expect((await asBearer(laptop.token, path)).status).toBe(401);
  // The browser session was a different token and still works.
  expect((await asCookie(person.cookie, '/api/users/tokens')).body.items).toEqual([]);
});

it("answers 404 to revoking someone else's token, which keeps working", async () => {
  const owner = await newPerson(stack.url, 'owner');
  const other = await newPerson(stack.url, 'other');
  const token = await cliToken(owner.email, owner.password);
  const res = await send(stack.url, { method: 'DELETE', path: `/api/users/tokens/${token.id}`, cookie: other.cookie });
  expect(res.status).toBe(404);
  expect((await asBearer(token.token, '/api/orders')).status).toBe(200);
});

it('accepts each kind of token only where it belongs', async () => {
  const person = await newPerson(stack.url, 'kinds');
  const { token } = await cliToken(person.email, person.password);
  const sessionToken = person.cookie.slice(`${SESSION_COOKIE}=`.length);
  expect((await asBearer(sessionToken, '/api/orders')).status).toBe(401);
  expect((await asCookie(`${SESSION_COOKIE}=${token}`, '/api/orders')).status).toBe(401);
  expect((await asBearer(token, '/api/orders')).status).toBe(200);
  expect((await asCookie(person.cookie, '/api/orders')).status).toBe(200);
});
