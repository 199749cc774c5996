import { ConflictError } from '@bigtix/common';
import { fakeUser, TEST_JWT_SECRET } from '@bigtix/testkit';
import Router from '@koa/router';
import pino from 'pino';
import request from 'supertest';
import { z } from 'zod';
import { requireUser } from '../src/auth/current-user';
import { createServiceApp } from '../src/http/create-app';
import { parseBody } from '../src/http/parse';

const router = new Router({ prefix: '/api/things' });
router.post('/', (ctx) => {
  const body = parseBody(ctx, z.strictObject({ name: z.string().min(1), count: z.number().int() }));
  ctx.status = 201;
  ctx.body = body;
});
router.get('/mine', (ctx) => {
  ctx.body = requireUser(ctx);
});
router.get('/conflict', () => {
  throw new ConflictError('Ticket is held', { unavailable: ['t1'] });
});
router.get('/boom', () => {
  throw new Error('secret database detail');
});

let ready = true;
const app = createServiceApp({
  name: 'things',
  logger: pino({ level: 'silent' }),
  jwtSecret: TEST_JWT_SECRET,
  routers: [router],
  bodyLimitBytes: 1024,
  readiness: async () => ({ database: ready }),
});
const server = app.callback();

describe('request bodies', () => {
  it('accepts a valid JSON body', async () => {
    const res = await request(server).post('/api/things').send({ name: 'a', count: 1 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ name: 'a', count: 1 });
  });

  it('names every bad field in a 400', async () => {
    const res = await request(server)
      .post('/api/things')
      .send({ name: { $gt: '' }, count: 'x', extra: 1 });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field?: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'count']));
    expect(res.body.errors.some((e: { message: string }) => /unknown field/.test(e.message))).toBe(true);
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await request(server)
      .post('/api/things')
      .send({ name: 'x'.repeat(2000), count: 1 });
    expect(res.status).toBe(413);
    expect(res.body.errors[0].message).toMatch(/larger than 1024 bytes/);
  });

  it('answers 400 for broken JSON and 415 for other content types', async () => {
    const broken = await request(server).post('/api/things').set('content-type', 'application/json').send('{"name": ');
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0].message).toMatch(/not valid JSON/);
    const form = await request(server).post('/api/things').type('form').send('name=a');
    expect(form.status).toBe(415);
  });

  it('treats an array where an object belongs as bad input', async () => {
    const res = await request(server)
      .post('/api/things')
      .send([{ name: 'a', count: 1 }]);
    expect(res.status).toBe(400);
  });
});

describe('NUL characters, which FerretDB cannot store or compare', () => {
  it('refuses a body string containing NUL with a 400 naming the field', async () => {
    const res = await request(server).post('/api/things').send({ name: 'a\u0000b', count: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({ message: 'name must not contain NUL characters', field: 'name' });
  });

  it('answers 404 for a path and 400 for a query string containing NUL', async () => {
    expect((await request(server).get('/api/things/%00')).status).toBe(404);
    expect((await request(server).get('/api/things/mine?x=%00')).status).toBe(400);
  });
});

describe('errors', () => {
  it('maps typed errors to their status and contract body with details', async () => {
    const res = await request(server).get('/api/things/conflict');
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ errors: [{ message: 'Ticket is held' }], unavailable: ['t1'] });
  });

  it('hides the details of unexpected errors behind a 500', async () => {
    const res = await request(server).get('/api/things/boom');
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toMatch(/secret/);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await request(server).get('/api/nothing');
    expect(res.status).toBe(404);
    expect(res.body.errors[0].message).toMatch(/No route/);
  });
});

describe('auth', () => {
  it('reads the caller from a bearer token or the session cookie', async () => {
    const user = fakeUser();
    const viaBearer = await request(server).get('/api/things/mine').set('authorization', user.bearer);
    expect(viaBearer.body).toEqual({ id: user.id, email: user.email });
    const viaCookie = await request(server).get('/api/things/mine').set('cookie', user.cookie);
    expect(viaCookie.body.id).toBe(user.id);
  });

  it('refuses anonymous and forged callers with 401', async () => {
    expect((await request(server).get('/api/things/mine')).status).toBe(401);
    const forged = await request(server).get('/api/things/mine').set('authorization', `${fakeUser().bearer}x`);
    expect(forged.status).toBe(401);
  });
});

describe('operations', () => {
  it('serves health, readiness and metrics', async () => {
    expect((await request(server).get('/healthz')).status).toBe(200);
    expect((await request(server).get('/readyz')).status).toBe(200);
    ready = false;
    const notReady = await request(server).get('/readyz');
    ready = true;
    expect(notReady.status).toBe(503);
    expect(notReady.body.checks).toEqual({ database: false });
    await request(server).get('/api/things/mine');
    const metrics = await request(server).get('/metrics');
    expect(metrics.text).toMatch(/http_requests_total\{.*route="\/api\/things\/mine".*status="401"/);
  });

  it('sets security headers and a request id, and no X-Powered-By', async () => {
    const res = await request(server).get('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
