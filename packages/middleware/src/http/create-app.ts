import Router from '@koa/router';
import Koa from 'koa';
import type { Logger } from '../logger';
import { currentUser } from '../auth/current-user';
import type { Revocations } from '../auth/revocations';
import { jsonBodyParser } from './body-parser';
import { errorHandler } from './error-handler';
import { clientIp } from './client-ip';
import { attachMetricsRegistry, createHttpMetrics } from './metrics';
import { rejectNulInUrl } from './reject-nul';
import { requestContext } from './request-context';

export type ReadinessCheck = () => Promise<Record<string, boolean>>;

export interface ServiceAppOptions {
  name: string;
  logger: Logger;
  jwtSecret: string;
  routers: Router[];
  readiness?: ReadinessCheck;
  /**
   * Larger bodies are refused with 413. Default 1 MB; each service sets its own (auth 16 kB,
   * tickets 2 MB so a 1000-row bulk listing with long descriptions fits).
   */
  bodyLimitBytes?: number;
  /** Trust X-Forwarded-Proto/Host from the ingress (secure cookies behind TLS termination). */
  proxy?: boolean;
  /** Hops whose X-Forwarded-For names the client (`BaseConfig.trustedProxies`); default nobody. */
  trustedProxies?: string[];
  /** Revoked session/token ids shared by every service; without it no token is ever refused as revoked. */
  revocations?: Revocations;
  /**
   * Production: TLS ends at the ingress, so cookies are always marked Secure even when a request
   * reaches the pod over plain HTTP without X-Forwarded-Proto (Koa would otherwise refuse to set
   * a Secure cookie and fail the request after its work was done).
   */
  secureCookies?: boolean;
}

/** The one Koa app shape every BigTix service uses. Routers carry the service's own routes. */
export function createServiceApp(options: ServiceAppOptions): Koa {
  const app = new Koa({ proxy: options.proxy ?? true });
  const metrics = createHttpMetrics(options.name);
  attachMetricsRegistry(app, metrics.registry);
  const health = new Router();
  health.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok', service: options.name };
  });
  health.get('/readyz', async (ctx) => {
    const checks = options.readiness ? await options.readiness() : {};
    const ready = Object.values(checks).every(Boolean);
    ctx.status = ready ? 200 : 503;
    ctx.body = { status: ready ? 'ready' : 'not ready', checks };
  });
  health.get('/metrics', async (ctx) => {
    ctx.type = metrics.registry.contentType;
    ctx.body = await metrics.registry.metrics();
  });

  app.use(clientIp(options.trustedProxies ?? []));
  app.use(requestContext(options.logger));
  if (options.secureCookies) {
    app.use((ctx, next) => {
      ctx.cookies.secure = true;
      return next();
    });
  }
  // Outside the error handler, so metrics see the status an error was answered with.
  app.use(metrics.middleware);
  app.use(errorHandler(options.logger));
  app.use(rejectNulInUrl());
  app.use(jsonBodyParser({ limitBytes: options.bodyLimitBytes ?? 1024 * 1024 }));
  app.use(currentUser(options.jwtSecret, options.revocations));
  app.use(health.routes());
  for (const router of options.routers) {
    app.use(router.routes());
    app.use(router.allowedMethods({ throw: false }));
  }
  // Errors are answered by errorHandler; this only keeps Koa from printing them twice.
  app.silent = true;
  return app;
}
