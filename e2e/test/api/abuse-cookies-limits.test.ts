/**
 * Session cookies are HttpOnly and SameSite=Lax everywhere, and Secure in production; sign-in is
 * rate limited with 429 + Retry-After; every API answer (even a 404 for an unknown route) carries
 * the security headers and no X-Powered-By.
 */
import { RunningService, startService } from '@bigtix/middleware';
import { isolate } from '@bigtix/testkit';
import { authService } from '@bigtix/auth-service/src/service';
import { describeResponse, securityHeaderProblems, send } from '../../src/abuse/http';
import { Stack, startStack } from '../../src/stack';

jest.setTimeout(60_000);

const PRODUCTION_SECRET = 'p'.repeat(32);
const prodIso = isolate('abuseprod');
let stack: Stack;
let production: RunningService;

beforeAll(async () => {
  stack = await startStack({ only: ['auth', 'tickets'] });
  production = await startService(
    authService,
    // Production needs the PWA origin its emails link to (SMTP_URL comes from the isolation).
    prodIso.env('auth', {
      NODE_ENV: 'production',
      JWT_SECRET: PRODUCTION_SECRET,
      PUBLIC_URL: 'https://bigtix.example',
    }),
  );
}, 60_000);
afterAll(async () => {
  await production?.stop();
  await prodIso.cleanup();
  await stack?.stop();
});

let n = 0;
const email = (label: string) => `${label}-${Date.now().toString(36)}-${++n}@example.test`;

function sessionCookie(res: { headers: Headers }): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session='));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(res.headers.getSetCookie())}`);
  return cookie;
}

describe('session cookies', () => {
  it('are HttpOnly and SameSite=Lax, and not Secure outside production (plain http on localhost)', async () => {
    const res = await send(stack.url, {
      method: 'POST',
      path: '/api/users/signup',
      json: { email: email('dev'), password: 'password123' },
    });
    expect(res.status).toBe(201);
    const cookie = sessionCookie(res).toLowerCase();
    expect(cookie).toContain('httponly');
    expect(cookie).toContain('samesite=lax');
    expect(cookie).not.toContain('secure');
  });

  it('are Secure, HttpOnly and SameSite=Lax in production behind the TLS ingress', async () => {
    const res = await send(production.url, {
      method: 'POST',
      path: '/api/users/signup',
      json: { email: email('prod'), password: 'password123' },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.status).toBe(201);
    const cookie = sessionCookie(res).toLowerCase();
    expect(cookie).toContain('secure');
    expect(cookie).toContain('httponly');
    expect(cookie).toContain('samesite=lax');
    expect(securityHeaderProblems(res)).toEqual([]);
  });

  // A request that reached the service without the ingress's X-Forwarded-Proto (a plain-HTTP
  // port-forward, a misrouted probe) may be refused, or answered with a Secure cookie the browser
  // only returns over HTTPS; it must not be a 500 that creates the account anyway.
  it('never answers 5xx to a plain-HTTP sign-up in production, nor creates an account it does not sign in', async () => {
    const address = email('plain');
    const res = await send(production.url, {
      method: 'POST',
      path: '/api/users/signup',
      json: { email: address, password: 'password123' },
    });
    const written = await production.ctx.db.db!.collection('users').countDocuments({ email: address });
    expect({
      status: res.status < 500 ? 'not 5xx' : describeResponse(res),
      written: res.status === 201 ? 1 : written,
    }).toEqual({ status: 'not 5xx', written: res.status === 201 ? 1 : 0 });
    if (res.status === 201) expect(sessionCookie(res).toLowerCase()).toContain('secure');
  });

  it('are cleared on sign-out in production too', async () => {
    const res = await send(production.url, {
      method: 'POST',
      path: '/api/users/signout',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.status).toBe(204);
    const cookie = sessionCookie(res).toLowerCase();
    expect(cookie).toMatch(/^session=;/);
    expect(cookie).toContain('expires=thu, 01 jan 1970');
  });

  it('refuses to start in production with a JWT secret shorter than 32 characters', async () => {
    const iso = isolate('abuseweak');
    await expect(
      startService(authService, iso.env('auth', { NODE_ENV: 'production', JWT_SECRET: 'short' })),
    ).rejects.toThrow(/JWT_SECRET/);
    await iso.cleanup();
  });

  it.each(['staging', '', 'prod'])(
    'refuses to start with the well-known dev JWT secret when NODE_ENV is %j (not development or test)',
    async (nodeEnv) => {
      const iso = isolate('abusedevsecret');
      await expect(
        startService(
          authService,
          iso.env('auth', { NODE_ENV: nodeEnv, JWT_SECRET: 'bigtix-dev-only-secret-change-me' }),
        ),
      ).rejects.toThrow(/JWT_SECRET/);
      await iso.cleanup();
    },
  );
});

describe('rate limits', () => {
  it('answers 429 with Retry-After after 10 failed sign-ins for one email, even for the right password', async () => {
    const address = email('brute');
    expect(
      (
        await send(stack.url, {
          method: 'POST',
          path: '/api/users/signup',
          json: { email: address, password: 'password123' },
        })
      ).status,
    ).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push(
        (
          await send(stack.url, {
            method: 'POST',
            path: '/api/users/signin',
            json: { email: address, password: `wrong-${i}` },
          })
        ).status,
      );
    expect(statuses).toEqual(Array(10).fill(401));

    for (const path of ['/api/users/signin', '/api/users/tokens']) {
      const limited = await send(stack.url, {
        method: 'POST',
        path,
        json: { email: address, password: 'password123' },
      });
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.body.errors[0].message).toEqual(expect.any(String));
      expect(limited.headers.getSetCookie()).toEqual([]);
    }
  });
});

describe('security headers', () => {
  it.each([
    ['GET', '/api/users/currentuser'],
    ['GET', '/api/users/no-such-route'],
    ['PATCH', '/api/users/signin'],
    ['GET', '/api/tickets'],
    ['GET', '/api/tickets/does-not-exist'],
    ['GET', '/api/events/search?page=-1'],
    ['POST', '/api/tickets/create'],
  ])('are on %s %s', async (method, path) => {
    const res = await send(stack.url, { method, path });
    expect(res.status).toBeLessThan(500);
    expect(securityHeaderProblems(res)).toEqual([]);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});
