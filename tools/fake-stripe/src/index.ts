import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeStripe } from './app';
import type { FakeStripeOptions } from './config';
import type { FakeStripeControls } from './controls';

export { createFakeStripe, type FakeStripeApp } from './app';
export { DEFAULT_WEBHOOK_SECRET, optionsFromEnv, type FakeStripeOptions } from './config';
export type { DeliveryFilter, FakeStripeControls } from './controls';
export { TEST_CARDS } from './domain/test-cards';
export type { Delivery, DeliveryAttempt, WebhookEndpointConfig } from './webhooks/dispatcher';
export type * from './state/objects';

export interface StartOptions extends FakeStripeOptions {
  /** 0 (default) picks a free port: what tests should use. */
  port?: number;
  host?: string;
}

export interface RunningFakeStripe {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  host: string;
  controls: FakeStripeControls;
  /** Options for `new Stripe(key, …)` that point the official client here. */
  stripeClientOptions: { host: string; port: number; protocol: 'http' };
  close(): Promise<void>;
}

/** Starts the fake on a port (0 = ephemeral) and resolves once it is listening. */
export async function startFakeStripe(options: StartOptions = {}): Promise<RunningFakeStripe> {
  const { port = 0, host = '127.0.0.1', ...rest } = options;
  const app = createFakeStripe(rest);
  const server: Server = createServer(app.callback());
  // Keep-alive sockets from the stripe client must not hold close() open.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const url = `http://${host}:${actualPort}`;
  app.publicUrl = url;
  return {
    url,
    port: actualPort,
    host,
    controls: app.controls,
    stripeClientOptions: { host, port: actualPort, protocol: 'http' },
    close: async () => {
      app.shutdown();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
