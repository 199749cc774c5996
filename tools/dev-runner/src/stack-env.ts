/**
 * The environment of one process of a private stack, written once. Databases, exchange and
 * queue prefix come from the stack's names, so two stacks (a developer's `make dev`, the
 * browser suite's, a benchmark run, a fault test) never read or drop each other's data.
 */
export interface StackNames {
  /** The MongoDB URL of one service's database. */
  mongoUrl(service: string): string;
  exchange: string;
  queuePrefix: string;
  /** Rate-limit counters and other shared Redis keys (they outlive a run): one prefix per stack. */
  redisKeyPrefix?: string;
}

/** Names from one id: databases `<id>-<service>`, exchange `bigtix.<id>`, queues `<id>.<service>.events`, Redis keys `bigtix:<id>:`. */
export function namedStack(stackId: string, mongoBase = 'mongodb://127.0.0.1:27017'): StackNames {
  return {
    mongoUrl: (service) => `${mongoBase}/${stackId}-${service}`,
    exchange: `bigtix.${stackId}`,
    queuePrefix: `${stackId}.`,
    redisKeyPrefix: `bigtix:${stackId}:`,
  };
}

export interface StackEnvOptions {
  /** What every process starts from (process.env for dev; a minimal env for benchmarks). */
  base: NodeJS.ProcessEnv;
  /** The service this environment is for; absent for the web app. */
  service?: string;
  port?: number;
  host?: string;
  /** Absent: the dev defaults (`bigtix-<service>` databases, `bigtix.events`). */
  names?: StackNames;
  rabbitmqUrl?: string;
  jwtSecret?: string;
  ticketmasterUrl?: string;
  stripeUrl?: string;
  stripeWebhookSecret?: string;
  /** Where services send email (SMTP_URL), and the PWA origin their links point at (PUBLIC_URL). */
  smtpUrl?: string;
  publicUrl?: string;
  /** `<NAME>_URL` of every service, for the web app (and services that call others). */
  serviceUrls?: Record<string, string>;
  /** Last word (a test's ORDER_HOLD_SECONDS, a benchmark's LOG_LEVEL). */
  extra?: Record<string, string | undefined>;
}

export function stackEnv(o: StackEnvOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...o.base };
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined) env[key] = String(value);
  };
  set('PORT', o.port);
  set('HOST', o.host);
  if (o.names) {
    if (o.service) set('MONGO_URL', o.names.mongoUrl(o.service));
    set('BIGTIX_EXCHANGE', o.names.exchange);
    set('BIGTIX_QUEUE_PREFIX', o.names.queuePrefix);
    set('REDIS_KEY_PREFIX', o.names.redisKeyPrefix);
  }
  set('RABBITMQ_URL', o.rabbitmqUrl);
  set('JWT_SECRET', o.jwtSecret);
  set('TICKETMASTER_BASE_URL', o.ticketmasterUrl);
  set('STRIPE_API_BASE', o.stripeUrl);
  set('STRIPE_WEBHOOK_SECRET', o.stripeWebhookSecret);
  set('SMTP_URL', o.smtpUrl);
  set('PUBLIC_URL', o.publicUrl);
  for (const [name, url] of Object.entries(o.serviceUrls ?? {})) set(`${name.toUpperCase()}_URL`, url);
  for (const [key, value] of Object.entries(o.extra ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  // Jest's own variables would make a child think it is under test in odd ways.
  delete env.JEST_WORKER_ID;
  return env;
}
