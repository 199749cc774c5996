import http from 'node:http';
import { AddressInfo } from 'node:net';
import { resolveTarget, startRouter } from '../src/router';
import { discoverServices } from '../src/services';

function echoServer(name: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ name, url: req.url, forwardedFor: req.headers['x-forwarded-for'] ?? null }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

describe('resolveTarget', () => {
  const routes = [
    { prefix: '/api/tickets', target: 'tickets' },
    { prefix: '/api/events', target: 'tickets' },
    { prefix: '/api/users', target: 'auth' },
  ];
  it.each([
    ['/api/tickets', 'tickets'],
    ['/api/tickets/abc', 'tickets'],
    ['/api/users/signin', 'auth'],
    ['/api/ticketsx', 'web'],
    ['/events/123', 'web'],
  ])('sends %s to %s', (path, target) => {
    expect(resolveTarget(path, routes, 'web')).toBe(target);
  });
});

describe('the one-origin router', () => {
  it('routes API prefixes to services and everything else to the web app, keeping the path', async () => {
    const auth = await echoServer('auth');
    const web = await echoServer('web');
    const router = await startRouter({
      routes: [{ prefix: '/api/users', target: auth.url }],
      fallback: web.url,
      port: 0,
    });
    try {
      const a = await (await fetch(`${router.url}/api/users/currentuser?x=1`)).json();
      expect(a).toMatchObject({ name: 'auth', url: '/api/users/currentuser?x=1' });
      expect(a.forwardedFor).toBeTruthy();
      const w = await (await fetch(`${router.url}/events/abc`)).json();
      expect(w).toMatchObject({ name: 'web', url: '/events/abc' });
    } finally {
      await router.close();
      await auth.close();
      await web.close();
    }
  });

  it('answers 502 with the contract error body when a service is down', async () => {
    const router = await startRouter({ routes: [{ prefix: '/api/orders', target: 'http://127.0.0.1:1' }], port: 0 });
    try {
      const res = await fetch(`${router.url}/api/orders`);
      expect(res.status).toBe(502);
      const body = await res.json();
      expect(body.errors[0].message).toMatch(/not reachable/);
    } finally {
      await router.close();
    }
  });
});

it('passes a service’s 413 for an oversized body back to the client instead of a 502', async () => {
  const { authService } = await import('@bigtix/auth-service/src/service');
  const { startService } = await import('@bigtix/middleware');
  const { isolate } = await import('@bigtix/testkit');
  const iso = isolate('router413');
  const auth = await startService(authService, iso.env('auth'));
  const router = await startRouter({ routes: [{ prefix: '/api/users', target: auth.url }], port: 0 });
  try {
    const body = JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(2_000_000) });
    const res = await fetch(`${router.url}/api/users/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(413);
  } finally {
    await router.close();
    await auth.stop();
    await iso.cleanup();
  }
});

it('discovers services with their ports and routes from package.json', () => {
  const auth = discoverServices().find((s) => s.name === 'auth');
  expect(auth).toMatchObject({ port: 4001, routes: ['/api/users'] });
});
