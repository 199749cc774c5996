import http from 'node:http';
import { AddressInfo } from 'node:net';
import httpProxy from 'http-proxy';

export interface RunningBalancer {
  url: string;
  close(): Promise<void>;
}

/**
 * A round-robin front for the replicas of one service, as a Kubernetes Service is: the router
 * can only name one target per prefix, so it names this. A replica that is down answers 502
 * (like an ingress whose endpoint just died); the balancer does not hide faults by retrying.
 */
export function startBalancer(targets: string[]): Promise<RunningBalancer> {
  const proxy = httpProxy.createProxyServer({ proxyTimeout: 60_000 });
  proxy.on('error', (err, _req, res) => {
    const response = res as http.ServerResponse;
    if (!('writeHead' in response) || response.headersSent) {
      response.destroy?.();
      return;
    }
    response.writeHead(502, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        errors: [{ message: `replica not reachable (${(err as NodeJS.ErrnoException).code ?? err.message})` }],
      }),
    );
  });
  let next = 0;
  const server = http.createServer((req, res) => {
    const target = targets[next++ % targets.length];
    proxy.web(req, res, { target });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
            proxy.close();
          }),
      });
    });
  });
}
