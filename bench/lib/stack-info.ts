/**
 * What a running bench stack looks like to a benchmark script. run-all starts one stack and
 * hands it to every script as JSON in the BENCH_STACK environment variable, so scripts by
 * different engineers measure the same processes without each starting their own.
 */
export interface StackInfo {
  /** The one-origin router in front of every service (a separate process). */
  routerUrl: string;
  routerPid: number;
  /** Service name → its own URL and process id (for RSS). */
  services: Record<string, { url: string; pid: number }>;
  ticketmasterUrl: string;
  stripeUrl: string;
  /** A bare Koa app: `GET /bench-hello` answers `{"hello":"world"}`, directly and via the router. */
  helloUrl: string;
  helloPid: number;
  /** Unique per run; part of every database, exchange and queue name. */
  runId: string;
  /** `<mongoBase>/<dbPrefix><service>` (e.g. `bench-1a2b3c-tickets`) is each service's database. */
  mongoBase: string;
  dbPrefix: string;
  exchange: string;
  queuePrefix: string;
  /** Sign tokens with this to make buyers without the auth service (signUserToken). */
  jwtSecret: string;
  stripeWebhookSecret: string;
  /** A fixture event tickets can be listed for (fake Ticketmaster). */
  eventId: string;
}

export const STACK_ENV = 'BENCH_STACK';

export function stackFromEnv(env = process.env): StackInfo | null {
  const raw = env[STACK_ENV];
  return raw ? (JSON.parse(raw) as StackInfo) : null;
}
