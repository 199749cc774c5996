import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeTicketmaster, type FakeTicketmasterOptions } from './app';
import type { CatalogueEntry } from './fixtures';
import type { TestControls } from './test-controls';

export * from './app';
export * from './fixtures';
export { TestControls, type RequestLogEntry } from './test-controls';
export type { SearchPage } from './search-events';
export type { DiscoveryErrorBody, GatewayFaultBody } from './discovery-errors';

export interface StartOptions extends Omit<FakeTicketmasterOptions, 'imageBaseUrl' | 'seatmapBaseUrl'> {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** As in FakeTicketmasterOptions, plus `'self'`: images are served by this server. */
  imageBaseUrl?: string | 'self';
  /** As in FakeTicketmasterOptions, plus `'self'`: seat maps are served by this server. */
  seatmapBaseUrl?: string | 'self';
}

export interface RunningFakeTicketmaster {
  /** Base URL, e.g. `http://127.0.0.1:12112` (Discovery lives under `/discovery/v2`). */
  url: string;
  port: number;
  apiKey: string;
  controls: TestControls;
  catalogue: readonly CatalogueEntry[];
  close(): Promise<void>;
}

export async function startFakeTicketmaster(options: StartOptions = {}): Promise<RunningFakeTicketmaster> {
  const { port = 0, host = '127.0.0.1', imageBaseUrl, seatmapBaseUrl, ...appOptions } = options;
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${address.port}`;

  // The app is built after listening so `'self'` can name the real port.
  const fake = createFakeTicketmaster({
    ...appOptions,
    imageBaseUrl: imageBaseUrl === 'self' ? url : imageBaseUrl,
    seatmapBaseUrl: seatmapBaseUrl === 'self' ? url : seatmapBaseUrl,
  });
  server.on('request', fake.app.callback());

  return {
    url,
    port: address.port,
    apiKey: appOptions.apiKey ?? 'fake-ticketmaster-key',
    controls: fake.controls,
    catalogue: fake.catalogue,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Responses parked by setLatency would otherwise hold the server open.
        fake.controls.releaseDelays();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
