import { promises as fs } from 'node:fs';
import { runLogin } from '../../../src/commands/auth/login';
import { runLogout } from '../../../src/commands/auth/logout';
import { UsageError } from '../../../src/lib/errors';
import { API_URL, testDeps } from '../../support/deps';

const tokenRoute = {
  'POST /api/users/tokens': [201, { token: 'new-token', expiresAt: '2027-01-01T00:00:00.000Z' }] as [number, unknown],
};

it('reads the password from the first line of stdin, saves the token (mode 0600) and says where', async () => {
  const d = await testDeps({ routes: tokenRoute, stdin: 'hunter2-pass\nignored\n' });
  await runLogin({ email: ' Seller@Example.test ' }, d);
  expect(d.requests[0]).toMatchObject({
    method: 'POST',
    path: '/api/users/tokens',
    auth: null,
    body: { email: 'seller@example.test', password: 'hunter2-pass' },
  });
  expect(await d.config.read()).toMatchObject({ apiUrl: API_URL, token: 'new-token', email: 'seller@example.test' });
  expect((await fs.stat(d.config.file)).mode & 0o777).toBe(0o600);
  expect(d.stderr()).toContain(`Signed in to ${API_URL} as seller@example.test`);
});

it('asks for email and password on a terminal', async () => {
  const asked: string[] = [];
  const d = await testDeps({
    routes: tokenRoute,
    interactive: true,
    stdinIsTTY: true,
    prompts: {
      input: async (m) => (asked.push(m), 'seller@example.test'),
      password: async (m) => (asked.push(m), 'pw-from-terminal'),
    },
  });
  await runLogin({ json: true }, d);
  expect(asked).toEqual(['Email', 'Password']);
  expect(JSON.parse(d.stdout())).toMatchObject({ email: 'seller@example.test', apiUrl: API_URL });
});

it.each([
  [{}, { stdinIsTTY: false }, /--email is required/],
  [{ email: 'a@b.test' }, { stdinIsTTY: true }, /pipe the password on stdin/],
  [{ email: 'a@b.test' }, { stdin: '' }, /no password given/],
])('refuses %j %j as a usage error, sending nothing', async (opts, env, message) => {
  const d = await testDeps({ routes: tokenRoute, ...env });
  await expect(runLogin(opts, d)).rejects.toThrow(UsageError);
  await expect(runLogin(opts, d)).rejects.toThrow(message);
  expect(d.requests).toEqual([]);
});

it('passes a wrong password on as the server’s message and saves nothing', async () => {
  const d = await testDeps({
    routes: { 'POST /api/users/tokens': [401, { errors: [{ message: 'Invalid email or password' }] }] },
    stdin: 'wrong',
  });
  await expect(runLogin({ email: 'a@b.test' }, d)).rejects.toThrow(/Invalid email or password.*HTTP 401/);
  expect(await d.config.read()).toEqual({});
});

it('logout revokes the saved token on the server, forgets it, and says when there was none', async () => {
  const d = await testDeps({ token: 'tok', routes: { 'POST /api/users/signout': [204, undefined] } });
  await runLogout({}, d);
  expect(d.requests.map((r) => [r.method, r.path, r.auth])).toEqual([['POST', '/api/users/signout', 'Bearer tok']]);
  expect(d.stderr()).toBe('Signed out; the saved token was deleted.\n');
  expect(await d.config.read()).toEqual({});
  await runLogout({ json: true }, d);
  expect(JSON.parse(d.stdout())).toEqual({ signedOut: true, removed: false });
});

it('logout warns that BIGTIX_TOKEN still signs requests in', async () => {
  const d = await testDeps({ env: { BIGTIX_TOKEN: 'x' } });
  await runLogout({}, d);
  expect(d.stderr()).toContain('BIGTIX_TOKEN is still set');
});
