/**
 * The web app's server-side calls say whose request they are: the services count rate limits
 * per client IP, and without the visitor's address every PWA user would be the web pod (900 bad
 * sign-ins a minute would lock every web user out). Here the web hop is played by the header the
 * web server forwards (web/lib/api/forwarded-for.ts), sent from loopback, the web pod's trusted
 * address in this stack.
 */
import { RunningService, startService } from '@bigtix/middleware';
import { isolate } from '@bigtix/testkit';
import { authService } from '@bigtix/auth-service/src/service';
import { forwardedFor } from '@bigtix/web/lib/api/forwarded-for';
import { send } from '../../src/abuse/http';

jest.setTimeout(60_000);

const iso = isolate('abuseweb');
let auth: RunningService;
beforeAll(async () => {
  auth = await startService(
    authService,
    iso.env('auth', { TRUSTED_PROXIES: 'loopback', LOGIN_RATE_LIMIT_PER_IP: '3' }),
  );
});
afterAll(async () => {
  await auth?.stop();
  await iso.cleanup();
});

/** A sign-in as the web server makes it for a visitor whose request arrived with `incoming`. */
function signInViaWeb(incoming: Record<string, string>) {
  const chain = forwardedFor(new Headers(incoming));
  return send(auth.url, {
    method: 'POST',
    path: '/api/users/signin',
    json: { email: 'nobody@example.test', password: 'wrong-password' },
    headers: chain ? { 'x-forwarded-for': chain } : {},
  });
}

it('passes the visitor chain on, so one visitor hitting the per-IP limit leaves the others alone', async () => {
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await signInViaWeb({ 'x-forwarded-for': '203.0.113.90' })).status);
  expect(statuses).toEqual([401, 401, 401]);
  expect((await signInViaWeb({ 'x-forwarded-for': '203.0.113.90' })).status).toBe(429);
  // Another visitor of the same web pod is unaffected.
  expect((await signInViaWeb({ 'x-forwarded-for': '198.51.100.91' })).status).toBe(401);
  // What the visitor forged in front of the ingress's entry does not buy a fresh count.
  expect((await signInViaWeb({ 'x-forwarded-for': '192.0.2.1, 203.0.113.90' })).status).toBe(429);
});

it('forwards only a chain of addresses', () => {
  expect(forwardedFor(new Headers({ 'x-forwarded-for': '203.0.113.5, 10.0.0.2' }))).toBe('203.0.113.5, 10.0.0.2');
  expect(forwardedFor(new Headers({ 'x-forwarded-for': '2001:db8::1' }))).toBe('2001:db8::1');
  expect(forwardedFor({ get: () => 'evil\r\nx-injected: 1' })).toBeUndefined();
  expect(forwardedFor(new Headers({ 'x-forwarded-for': 'unknown' }))).toBeUndefined();
  expect(forwardedFor(new Headers({}))).toBeUndefined();
});
