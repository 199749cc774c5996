import http from 'node:http';
import { AddressInfo } from 'node:net';
import httpProxy from 'http-proxy';

export interface Route {
  /** Path prefix, e.g. `/api/tickets`; matches the prefix itself and anything below it. */
  prefix: string;
  target: string;
}

export interface RouterOptions {
  routes: Route[];
  /** Where every other path goes (the web app). */
  fallback?: string;
  port?: number;
  host?: string;
}

export interface RunningRouter {
  url: string;
  port: number;
  server: http.Server;
  close(): Promise<void>;
}

/** The target for a path: the longest matching prefix wins, as ingress-nginx does with Prefix paths. */
export function resolveTarget(path: string, routes: Route[], fallback?: string): string | undefined {
  let best: Route | undefined;
  for (const route of routes) {
    const matches =
      path === route.prefix ||
      path.startsWith(route.prefix.endsWith('/') ? route.prefix : `${route.prefix}/`) ||
      path.startsWith(`${route.prefix}?`);
    if (matches && (!best || route.prefix.length > best.prefix.length)) best = route;
  }
  return best?.target ?? fallback;
}

/**
 * The local stand-in for the Kubernetes ingress: one origin that sends `/api/*` prefixes to
 * their services and everything else to the web app, as ARCHITECTURE.md routes them.
 */
export function startRouter(options: RouterOptions): Promise<RunningRouter> {
  // Keep-alive to the services, as an ingress does: a new upstream connection per request made
  // the router itself the bottleneck under load (and its sockets piled up in TIME_WAIT).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 });
  const proxy = httpProxy.createProxyServer({ xfwd: true, proxyTimeout: 60_000, agent });
  proxy.on('error', (err, req, res) => {
    const response = res as http.ServerResponse;
    if (!('writeHead' in response) || response.headersSent) {
      response.destroy?.();
      return;
    }
    const api = (req.url ?? '').startsWith('/api/');
    response.writeHead(502, { 'content-type': api ? 'application/json' : 'text/plain; charset=utf-8' });
    response.end(
      api
        ? JSON.stringify({
            errors: [
              {
                message: `Upstream for ${req.url?.split('?')[0]} is not reachable (${(err as NodeJS.ErrnoException).code ?? err.message})`,
              },
            ],
          })
        : 'BigTix web app is not reachable yet; is it still starting?',
    );
  });

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const target = resolveTarget(path, options.routes, options.fallback);
    if (!target) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: `No route for ${path}` }] }));
      return;
    }
    proxy.web(req, res, { target });
  });
  // Longer than clients' idle timeouts, so a client never reuses a connection we are closing
  // (a POST on such a socket fails without an answer).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('upgrade', (req, socket, head) => {
    const target = resolveTarget((req.url ?? '/').split('?')[0], options.routes, options.fallback);
    if (target) proxy.ws(req, socket, head, { target });
    else socket.destroy();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        server,
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
            proxy.close();
            agent.destroy();
          }),
      });
    });
  });
}
