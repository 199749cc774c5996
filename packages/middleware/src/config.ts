import { trustedProxies } from './http/client-ip';

/** Environment shared by every service, parsed once at boot with safe dev defaults. */
export interface BaseConfig {
  serviceName: string;
  port: number;
  mongoUrl: string;
  rabbitmqUrl: string;
  jwtSecret: string;
  production: boolean;
  logLevel: string;
  /** `classic` locally; `quorum` in production clusters (RabbitMQ HA). */
  queueType: 'classic' | 'quorum';
  /** Hops whose X-Forwarded-For is believed (see clientIp). */
  trustedProxies: string[];
}

const DEV_JWT_SECRET = 'bigtix-dev-only-secret-change-me';

export function readBaseConfig(serviceName: string, defaultPort: number, env = process.env): BaseConfig {
  const production = env.NODE_ENV === 'production';
  // The well-known dev secret signs tokens anyone can forge: it is only accepted when the
  // environment says, explicitly, that this is a developer's machine or a test run (a staging
  // pod that forgot NODE_ENV is not one).
  const local = env.NODE_ENV === 'development' || env.NODE_ENV === 'test';
  const jwtSecret = env.JWT_SECRET ?? (local ? DEV_JWT_SECRET : '');
  if (!local && (jwtSecret.length < 32 || jwtSecret === DEV_JWT_SECRET)) {
    throw new Error(
      `JWT_SECRET must be set to at least 32 characters of your own unless NODE_ENV is development or test (NODE_ENV=${env.NODE_ENV ?? 'unset'})`,
    );
  }
  return {
    serviceName,
    port: Number(env.PORT ?? defaultPort),
    mongoUrl: env.MONGO_URL ?? `mongodb://127.0.0.1:27017/bigtix-${serviceName}`,
    rabbitmqUrl: env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    jwtSecret,
    production,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    queueType: env.RABBITMQ_QUEUE_TYPE === 'quorum' ? 'quorum' : 'classic',
    trustedProxies: trustedProxies(env, production),
  };
}

export function intFromEnv(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`expected a number, got "${value}"`);
  return n;
}
