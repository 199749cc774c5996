/** The auth journey through the one-origin router, as the browser and the CLI use it. */
import { Stack, startStack } from '../../src/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ only: ['auth'] });
});
afterAll(() => stack?.stop());

async function call(path: string, init: RequestInit & { cookie?: string } = {}) {
  const res = await fetch(`${stack.url}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.headers ?? {}),
    },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, cookie: res.headers.get('set-cookie') };
}

it('signs up, reads the current user, signs out, signs in and gets a CLI token through one origin', async () => {
  const credentials = JSON.stringify({ email: `journey-${stack.iso.id}@example.test`, password: 'password123' });
  const up = await call('/api/users/signup', { method: 'POST', body: credentials });
  expect(up.status).toBe(201);
  const session = up.cookie!.split(';')[0];

  expect((await call('/api/users/currentuser', { cookie: session })).body.currentUser).toEqual({
    ...up.body,
    emailVerified: false,
  });

  const out = await call('/api/users/signout', { method: 'POST', cookie: session });
  expect(out.status).toBe(204);
  expect(out.cookie).toMatch(/^session=;/);

  const signin = await call('/api/users/signin', { method: 'POST', body: credentials });
  expect(signin.status).toBe(200);

  const token = await call('/api/users/tokens', { method: 'POST', body: credentials });
  expect(token.status).toBe(201);
  const me = await call('/api/users/currentuser', { headers: { authorization: `Bearer ${token.body.token}` } });
  expect(me.body.currentUser).toEqual({ ...up.body, emailVerified: false });
});

it('answers an unknown API path with a JSON 404 and a request id from the router-fronted service', async () => {
  const res = await fetch(`${stack.url}/api/users/nope`);
  expect(res.status).toBe(404);
  expect(res.headers.get('x-request-id')).toBeTruthy();
});
