import { RunningService, startService } from '@bigtix/middleware';
import { isolate, waitFor } from '@bigtix/testkit';
import request from 'supertest';
import { announceAllRegistrations } from '../../src/domain/registration';
import { authService } from '../../src/service';

const iso = isolate('auth');
let auth: RunningService;

beforeAll(async () => {
  auth = await startService(authService, iso.env('auth', { LOGIN_RATE_LIMIT: '5', LOGIN_RATE_WINDOW_SECONDS: '60' }));
});
afterAll(async () => {
  await auth.stop();
  await iso.cleanup();
});

const users = () => auth.ctx.db.collection('users');
let n = 0;
const email = () => `person${++n}-${iso.id}@example.test`;
const sessionCookie = (res: request.Response) =>
  (res.headers['set-cookie'] as unknown as string[] | undefined)?.find((c) => c.startsWith('session='));

describe('POST /api/users/signup', () => {
  it('creates an account, answers 201 with the user and sets an httpOnly SameSite=Lax session cookie', async () => {
    const address = email();
    const res = await request(auth.url).post('/api/users/signup').send({ email: address, password: 'correct horse' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), email: address });
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatch(/httponly/i);
    expect(cookie).toMatch(/samesite=lax/i);
    expect(cookie).not.toMatch(/secure/i); // Secure only in production
    const stored = await users().findOne({ email: address });
    expect(stored?.passwordHash).toMatch(/^scrypt\$/);
    expect(stored?.passwordHash).not.toContain('correct horse');
  });

  it('treats emails case-insensitively and answers 409 when taken', async () => {
    const address = email();
    await request(auth.url).post('/api/users/signup').send({ email: address, password: 'password123' }).expect(201);
    const again = await request(auth.url)
      .post('/api/users/signup')
      .send({ email: address.toUpperCase(), password: 'password123' });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].message).toMatch(/already exists/);
  });

  it('creates exactly one account when ten sign-ups with one email race', async () => {
    const address = email();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        request(auth.url).post('/api/users/signup').send({ email: address, password: 'password123' }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    expect(await users().countDocuments({ email: address })).toBe(1);
  });
});

describe('user.registered', () => {
  const registered = (id: string) =>
    auth.ctx.db.collection('user_events').findOne({ _id: `registered:${id}` as never });

  it('is announced once per sign-up through the outbox, with the stored address; a refused sign-up announces nothing', async () => {
    const address = email();
    const res = await request(auth.url).post('/api/users/signup').send({ email: address, password: 'password123' });
    expect(res.status).toBe(201);
    const record = await registered(res.body.id);
    expect(record?.events).toHaveLength(1);
    expect(record!.events[0]).toMatchObject({
      type: 'user.registered',
      source: 'auth',
      data: { userId: res.body.id, email: address, registeredAt: expect.any(String) },
    });
    await waitFor(async () => (await registered(res.body.id))?.publishedAt, { what: 'user.registered published' });

    const before = await auth.ctx.db.collection('user_events').countDocuments({});
    await request(auth.url).post('/api/users/signup').send({ email: address, password: 'password123' }).expect(409);
    await request(auth.url).post('/api/users/signin').send({ email: address, password: 'password123' }).expect(200);
    expect(await auth.ctx.db.collection('user_events').countDocuments({})).toBe(before);
  });

  it('is written again by the next sign-in when a crash lost it between the user and its record', async () => {
    const address = email();
    const { body } = await request(auth.url)
      .post('/api/users/signup')
      .send({ email: address, password: 'password123' })
      .expect(201);
    await auth.ctx.db.collection('user_events').deleteOne({ _id: `registered:${body.id}` as never });
    await request(auth.url).post('/api/users/signin').send({ email: address, password: 'password123' }).expect(200);
    expect((await registered(body.id))?.events[0]).toMatchObject({ data: { userId: body.id, email: address } });
  });

  it('is written for every account without one by make announce-users, once however often it runs', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { body } = await request(auth.url)
        .post('/api/users/signup')
        .send({ email: email(), password: 'password123' })
        .expect(201);
      await auth.ctx.db.collection('user_events').deleteOne({ _id: `registered:${body.id}` as never });
      ids.push(body.id);
    }
    const deps = { events: auth.ctx.db.collection('user_events'), nudgeOutbox: () => undefined };
    expect(await announceAllRegistrations(auth.ctx.db.collection('users'), deps)).toBe(2);
    expect(await announceAllRegistrations(auth.ctx.db.collection('users'), deps)).toBe(0);
    for (const id of ids) expect((await registered(id))?.events[0]).toMatchObject({ type: 'user.registered' });
  });
});

describe('bad input on every route writes nothing and answers 4xx with errors[]', () => {
  const bodies: [string, unknown][] = [
    ['missing fields', {}],
    ['missing password', { email: 'a@example.test' }],
    ['wrong types', { email: 42, password: true }],
    ['operator objects', { email: { $gt: '' }, password: { $ne: null } }],
    ['an array', [{ email: 'a@example.test', password: 'password123' }]],
    ['unknown fields', { email: 'x@example.test', password: 'password123', role: 'admin' }],
    ['an invalid email', { email: 'not-an-email', password: 'password123' }],
  ];
  const routes = ['/api/users/signup', '/api/users/signin', '/api/users/tokens'];

  for (const route of routes) {
    it.each(bodies)(`${route} with %s → 400`, async (_label, body) => {
      const before = await users().countDocuments();
      const res = await request(auth.url)
        .post(route)
        .send(body as object);
      // Sign-in accepts any well-formed email string and then fails as 401.
      expect([400, 401]).toContain(res.status);
      if (route === '/api/users/signup' || _label !== 'an invalid email') expect(res.status).toBe(400);
      expect(res.body.errors.length).toBeGreaterThan(0);
      expect(await users().countDocuments()).toBe(before);
    });
  }

  it.each(routes)('%s with an oversized body → 413', async (route) => {
    const res = await request(auth.url)
      .post(route)
      .send({ email: 'a@example.test', password: 'x'.repeat(20_000) });
    expect(res.status).toBe(413);
  });

  it.each(routes)('%s with invalid JSON → 400 and a form body → 415', async (route) => {
    expect((await request(auth.url).post(route).set('content-type', 'application/json').send('{')).status).toBe(400);
    expect((await request(auth.url).post(route).type('form').send('email=a')).status).toBe(415);
  });

  it('rejects a short password at sign-up, naming the field', async () => {
    const res = await request(auth.url).post('/api/users/signup').send({ email: email(), password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'password' });
  });
});

describe('sign in, current user, sign out', () => {
  it('signs in, shows the current user from the cookie, and signs out', async () => {
    const address = email();
    const up = await request(auth.url).post('/api/users/signup').send({ email: address, password: 'password123' });
    const agent = request.agent(auth.url);
    const signin = await agent.post('/api/users/signin').send({ email: address, password: 'password123' });
    expect(signin.status).toBe(200);
    expect(signin.body).toEqual(up.body);
    expect((await agent.get('/api/users/currentuser')).body).toEqual({
      currentUser: { ...up.body, emailVerified: false },
    });
    const out = await agent.post('/api/users/signout');
    expect(out.status).toBe(204);
    expect(sessionCookie(out)).toMatch(/session=;/);
    expect((await agent.get('/api/users/currentuser')).body).toEqual({ currentUser: null });
  });

  it('gives one message for an unknown email and a wrong password', async () => {
    const address = email();
    await request(auth.url).post('/api/users/signup').send({ email: address, password: 'password123' });
    const wrong = await request(auth.url)
      .post('/api/users/signin')
      .send({ email: address, password: 'wrong-password' });
    const unknown = await request(auth.url)
      .post('/api/users/signin')
      .send({ email: `nobody-${address}`, password: 'password123' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('answers currentuser with null for a forged cookie', async () => {
    const res = await request(auth.url).get('/api/users/currentuser').set('cookie', 'session=not.a.jwt');
    expect(res.body).toEqual({ currentUser: null });
  });
});

describe('CLI tokens', () => {
  it('issues a bearer token that identifies the user', async () => {
    const address = email();
    const up = await request(auth.url).post('/api/users/signup').send({ email: address, password: 'password123' });
    const res = await request(auth.url).post('/api/users/tokens').send({ email: address, password: 'password123' });
    expect(res.status).toBe(201);
    expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 24 * 3600 * 1000);
    const me = await request(auth.url).get('/api/users/currentuser').set('authorization', `Bearer ${res.body.token}`);
    expect(me.body).toEqual({ currentUser: { ...up.body, emailVerified: false } });
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After after too many sign-in attempts for one email', async () => {
    const address = email();
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 7; i++) {
      const res = await request(auth.url)
        .post('/api/users/signin')
        .send({ email: address, password: 'wrong-password' });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers['retry-after'];
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
