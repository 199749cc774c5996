import { runWhoami } from '../../../src/commands/auth/whoami';
import { NotSignedInError } from '../../../src/lib/errors';
import { API_URL, ME, testDeps } from '../../support/deps';

it('prints the email on stdout and the id on stderr', async () => {
  const d = await testDeps({ token: 'tok', routes: { 'GET /api/users/currentuser': [200, { currentUser: ME }] } });
  await runWhoami({}, d);
  expect(d.stdout()).toBe(`${ME.email}\n`);
  expect(d.stderr()).toBe(`id ${ME.id} on ${API_URL}\n`);
  expect(d.requests[0].auth).toBe('Bearer tok');
});

it('prefers BIGTIX_TOKEN and answers JSON with --json', async () => {
  const d = await testDeps({
    token: 'saved',
    env: { BIGTIX_TOKEN: 'from-env' },
    routes: { 'GET /api/users/currentuser': [200, { currentUser: ME }] },
  });
  await runWhoami({ json: true }, d);
  expect(JSON.parse(d.stdout())).toEqual({ ...ME, apiUrl: API_URL });
  expect(d.requests[0].auth).toBe('Bearer from-env');
});

it('is not signed in (exit 4) without a token, or when the server no longer knows the token', async () => {
  await expect(runWhoami({}, await testDeps())).rejects.toThrow(NotSignedInError);
  const d = await testDeps({ token: 'old', routes: { 'GET /api/users/currentuser': [200, { currentUser: null }] } });
  const err = await runWhoami({}, d).catch((e) => e);
  expect(err).toBeInstanceOf(NotSignedInError);
  expect(err.exitCode).toBe(4);
  expect(err.message).toMatch(/expired or not valid/);
});

it('never sends a saved token to another server', async () => {
  const d = await testDeps({ token: 'tok', routes: { 'GET /api/users/currentuser': [200, { currentUser: ME }] } });
  await expect(runWhoami({ apiUrl: 'http://elsewhere.test' }, d)).rejects.toThrow(NotSignedInError);
  expect(d.requests).toEqual([]);
});
