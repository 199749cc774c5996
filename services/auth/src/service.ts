import { ServiceSpec, createServiceApp, createSharedStore, Revocations, untypedCollection } from '@bigtix/middleware';
import { createMailer } from '@bigtix/mailer';
import { readAuthConfig } from './config';
import { AuthDeps, createAuthDeps, ensureAuthIndexes } from './deps';
import { usersRouter } from './routes/users';
import { revocationResync } from './workers/revocation-resync';

export interface AuthServiceOptions {
  /** Clock for the use cases (tests move time instead of sleeping). */
  now?: () => number;
  /** Receives the dependencies once built, so tests can call use cases on the running service's database. */
  onDeps?: (deps: AuthDeps) => void;
}

export function makeAuthService(options: AuthServiceOptions = {}): ServiceSpec {
  return {
    name: 'auth',
    defaultPort: 4001,
    async setup(ctx) {
      const store = createSharedStore(ctx.env, ctx.logger);
      const revocations = new Revocations(store, ctx.logger);
      const deps = createAuthDeps(ctx.db, {
        config: readAuthConfig(ctx.env),
        logger: ctx.logger,
        mailer: await createMailer(ctx.env, ctx.db.db!, ctx.logger),
        revocations,
        now: options.now,
        nudgeOutbox: ctx.nudgeOutbox,
      });
      await ensureAuthIndexes(deps);
      options.onDeps?.(deps);
      const app = createServiceApp({
        name: 'auth',
        logger: ctx.logger,
        jwtSecret: ctx.config.jwtSecret,
        readiness: ctx.readiness,
        bodyLimitBytes: 16 * 1024,
        secureCookies: ctx.config.production,
        trustedProxies: ctx.config.trustedProxies,
        revocations,
        routers: [
          usersRouter(deps, {
            jwtSecret: ctx.config.jwtSecret,
            secureCookies: ctx.config.production,
            limits: store.limits,
          }),
        ],
      });
      return {
        app,
        // Auth's events, each its own outbox record: `user.registered` and `user.email-verified`.
        outbox: [{ collection: untypedCollection(deps.events) }],
        workers: [store.worker, revocationResync(deps.tokens), deps.mailer.worker()],
      };
    },
  };
}

export const authService = makeAuthService();
