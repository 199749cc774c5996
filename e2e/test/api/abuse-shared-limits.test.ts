/**
 * Rate limits that mean something: the counters are shared by every replica (Redis), the client
 * is who the trusted proxy hops say it is and nobody else, sign-in guessing is slowed without
 * letting anyone lock the owner out, and sign-ups are limited per client IP.
 */
import { RunningService, startService } from '@bigtix/middleware';
import { Isolation, isolate } from '@bigtix/testkit';
import { authService } from '@bigtix/auth-service/src/service';
import { RawResponse, send } from '../../src/abuse/http';

jest.setTimeout(60_000);

let n = 0;
const email = (label: string) => `${label}-${Date.now().toString(36)}-${++n}@example.test`;

interface Replicas {
  iso: Isolation;
  replicas: RunningService[];
  stop(): Promise<void>;
}

/** Two auth replicas on one database and one Redis prefix, as in production. */
async function twoReplicas(label: string, extra: Record<string, string>): Promise<Replicas> {
  const iso = isolate(label);
  const replicas = [
    await startService(authService, iso.env('auth', extra)),
    await startService(authService, iso.env('auth', extra)),
  ];
  return {
    iso,
    replicas,
    async stop() {
      for (const r of replicas) await r.stop();
      await iso.cleanup();
    },
  };
}

async function signUp(url: string, address: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send(url, {
    method: 'POST',
    path: '/api/users/signup',
    json: { email: address, password: 'password123' },
    headers,
  });
}

const signIn = (url: string, address: string, password: string, headers: Record<string, string> = {}) =>
  send(url, { method: 'POST', path: '/api/users/signin', json: { email: address, password }, headers });

function expectRetryAfter(res: RawResponse, max: number): void {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(max);
}

describe('sign-in limits across replicas', () => {
  let set: Replicas;
  beforeAll(async () => {
    set = await twoReplicas('abuserepl', { TRUSTED_PROXIES: 'loopback' });
  });
  afterAll(() => set?.stop());

  it('count failures spread over two replicas against one limit', async () => {
    const [a, b] = set.replicas;
    const address = email('spread');
    expect((await signUp(a.url, address)).status).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await signIn(i % 2 ? b.url : a.url, address, `wrong-${i}`)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    expectRetryAfter(await signIn(a.url, address, 'password123'), 60);
    expectRetryAfter(await signIn(b.url, address, 'password123'), 60);
  });

  it('do not lock the owner out: guesses from one address leave the owner at another address alone', async () => {
    const [a, b] = set.replicas;
    const address = email('owner');
    expect((await signUp(a.url, address)).status).toBe(201);
    const attacker = { 'x-forwarded-for': '203.0.113.66' };
    const owner = { 'x-forwarded-for': '198.51.100.7' };
    for (let i = 0; i < 10; i++) expect((await signIn(a.url, address, `guess-${i}`, attacker)).status).toBe(401);
    expectRetryAfter(await signIn(b.url, address, 'password123', attacker), 60);
    expect((await signIn(b.url, address, 'password123', owner)).status).toBe(200);
    expect((await signIn(a.url, address, 'password123', owner)).status).toBe(200);
  });

  it('clear an address count on a successful sign-in', async () => {
    const [a] = set.replicas;
    const address = email('forgetful');
    const from = { 'x-forwarded-for': '198.51.100.8' };
    expect((await signUp(a.url, address)).status).toBe(201);
    for (let i = 0; i < 9; i++) expect((await signIn(a.url, address, `typo-${i}`, from)).status).toBe(401);
    expect((await signIn(a.url, address, 'password123', from)).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await signIn(a.url, address, `typo-${i}`, from)).status).toBe(401);
    expect((await signIn(a.url, address, 'password123', from)).status).toBe(200);
  });
});

describe('sign-ups', () => {
  let set: Replicas;
  beforeAll(async () => {
    set = await twoReplicas('abusesignup', { TRUSTED_PROXIES: 'loopback', SIGNUP_RATE_LIMIT_PER_IP: '3' });
  });
  afterAll(() => set?.stop());

  it('are limited per client IP across replicas (429 + Retry-After), and other addresses still sign up', async () => {
    const [a, b] = set.replicas;
    const from = { 'x-forwarded-for': '203.0.113.10' };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await signUp(i % 2 ? b.url : a.url, email('farm'), from)).status);
    expect(statuses).toEqual([201, 201, 201]);
    const refused = email('farm');
    const res = await signUp(a.url, refused, from);
    expectRetryAfter(res, 3600);
    expect(res.body.errors[0].message).toMatch(/too many accounts/i);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await set.replicas[0].ctx.db.db!.collection('users').countDocuments({ email: refused })).toBe(0);
    expect((await signUp(b.url, email('other'), { 'x-forwarded-for': '203.0.113.11' })).status).toBe(201);
  });
});

describe('X-Forwarded-For', () => {
  let set: Replicas;
  beforeAll(async () => {
    // Production default: no hop is trusted unless configured.
    set = await twoReplicas('abusexff', { TRUSTED_PROXIES: '', SIGNUP_RATE_LIMIT_PER_IP: '2' });
  });
  afterAll(() => set?.stop());

  it('is ignored from a hop that is not a trusted proxy: a forged address per request does not escape the limit', async () => {
    const [a] = set.replicas;
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await signUp(a.url, email('forged'), { 'x-forwarded-for': `192.0.2.${i + 1}` })).status);
    expect(statuses[0]).toBe(201);
    expect(statuses[1]).toBe(201);
    expectRetryAfter(await signUp(a.url, email('forged'), { 'x-forwarded-for': '192.0.2.99' }), 3600);
  });

  it('is believed only from the configured hops, right to left: entries a client prepends are ignored', async () => {
    const iso = isolate('abusehop');
    const service = await startService(
      authService,
      iso.env('auth', { TRUSTED_PROXIES: '127.0.0.1,10.0.0.0/8', SIGNUP_RATE_LIMIT_PER_IP: '1' }),
    );
    try {
      // The client 203.0.113.5 forged "192.0.2.x" in front; our proxy 10.1.2.3 appended the real address.
      const via = (forged: string) => ({ 'x-forwarded-for': `${forged}, 203.0.113.5, 10.1.2.3` });
      expect((await signUp(service.url, email('hop'), via('192.0.2.1'))).status).toBe(201);
      expect((await signUp(service.url, email('hop'), via('192.0.2.2'))).status).toBe(429);
      expect((await signUp(service.url, email('hop'), { 'x-forwarded-for': '203.0.113.6, 10.1.2.3' })).status).toBe(
        201,
      );
    } finally {
      await service.stop();
      await iso.cleanup();
    }
  });
});

describe('with Redis unreachable', () => {
  it('still signs people up, in and out, and still limits guessing (per replica until Redis is back)', async () => {
    const iso = isolate('abusenoredis');
    const auth = await startService(authService, iso.env('auth', { REDIS_URL: 'redis://127.0.0.1:9' }));
    try {
      const address = email('noredis');
      const signedUp = await signUp(auth.url, address);
      expect(signedUp.status).toBe(201);
      const cookie = signedUp.headers.getSetCookie()[0].split(';')[0];
      expect((await send(auth.url, { method: 'POST', path: '/api/users/signout', cookie })).status).toBe(204);
      for (let i = 0; i < 10; i++) expect((await signIn(auth.url, address, `wrong-${i}`)).status).toBe(401);
      expectRetryAfter(await signIn(auth.url, address, 'password123'), 60);
    } finally {
      await auth.stop();
      await iso.cleanup();
    }
  });
});
