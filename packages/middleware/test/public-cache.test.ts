import { NotFoundError } from '@bigtix/common';
import { fakeUser, TEST_JWT_SECRET } from '@bigtix/testkit';
import Router from '@koa/router';
import pino from 'pino';
import request from 'supertest';
import { createServiceApp } from '../src/http/create-app';
import { publicCache } from '../src/http/public-cache';

const EVENT = { sMaxAgeSeconds: 30, staleWhileRevalidateSeconds: 300 };
const TICKET = { sMaxAgeSeconds: 1, staleWhileRevalidateSeconds: 5, variesByViewer: true };

let price = 1000;
const router = new Router({ prefix: '/api/things' });
router.get('/event', publicCache(EVENT), (ctx) => {
  ctx.body = { name: 'Concert', price };
});
router.get('/ticket', publicCache(TICKET), (ctx) => {
  const viewer = ctx.state.currentUser;
  ctx.body = { id: 't1', ...(viewer ? { serialNumber: 'SECRET' } : {}) };
});
router.get('/missing', publicCache(EVENT), () => {
  throw new NotFoundError('No such thing');
});
router.post('/event', publicCache(EVENT), (ctx) => {
  ctx.body = { name: 'Concert', price };
});
router.get('/private', (ctx) => {
  ctx.body = { mine: true };
});

const server = createServiceApp({
  name: 'things',
  logger: pino({ level: 'silent' }),
  jwtSecret: TEST_JWT_SECRET,
  routers: [router],
}).callback();

describe('publicCache', () => {
  beforeEach(() => {
    price = 1000;
  });

  it('marks a public answer cacheable by shared caches, with an ETag over its body', async () => {
    const res = await request(server).get('/api/things/event');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: 'Concert', price: 1000 });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=300');
    expect(res.headers.etag).toMatch(/^"[\w-]{27}"$/);
  });

  it('answers 304 with no body to a matching If-None-Match, and 200 with a new ETag once the body changed', async () => {
    const first = await request(server).get('/api/things/event');
    const again = await request(server).get('/api/things/event').set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toMatch(/^public, /);

    price = 1200;
    const changed = await request(server).get('/api/things/event').set('If-None-Match', first.headers.etag);
    expect(changed.status).toBe(200);
    expect(changed.body.price).toBe(1200);
    expect(changed.headers.etag).not.toBe(first.headers.etag);
  });

  it('keeps a per-viewer answer public only for anonymous callers, and says it varies by credentials', async () => {
    const user = fakeUser();
    const anonymous = await request(server).get('/api/things/ticket');
    expect(anonymous.headers['cache-control']).toMatch(/^public, /);
    expect(anonymous.headers.vary).toBe('Authorization, Cookie');
    expect(anonymous.body.serialNumber).toBeUndefined();

    for (const [header, value] of [
      ['Cookie', user.cookie],
      ['Authorization', user.bearer],
    ]) {
      const signedIn = await request(server).get('/api/things/ticket').set(header, value);
      expect(signedIn.body.serialNumber).toBe('SECRET');
      expect(signedIn.headers['cache-control']).toBe('no-store');
      expect(signedIn.headers.etag).toBeUndefined();
      expect(signedIn.headers.vary).toBe('Authorization, Cookie');
      // Not even a copy an anonymous caller validated earlier is confirmed to them.
      const revalidated = await request(server)
        .get('/api/things/ticket')
        .set(header, value)
        .set('If-None-Match', anonymous.headers.etag);
      expect(revalidated.status).toBe(200);
    }
  });

  it('leaves errors, writes and routes without it no-store', async () => {
    const missing = await request(server).get('/api/things/missing');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.headers.etag).toBeUndefined();

    const posted = await request(server).post('/api/things/event').send({});
    expect(posted.headers['cache-control']).toBe('no-store');

    const other = await request(server).get('/api/things/private');
    expect(other.headers['cache-control']).toBe('no-store');
    expect(other.headers.etag).toBeUndefined();
  });

  it('answers HEAD like GET, without a body', async () => {
    const res = await request(server).head('/api/things/event');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toMatch(/^public, /);
    expect(res.headers.etag).toMatch(/^"/);
  });
});
