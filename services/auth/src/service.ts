import { ServiceSpec, createServiceApp, createSharedStore } from '@bigtix/middleware';
import { readAuthConfig } from './config';
import { userModel } from './models/user';
import { usersRouter } from './routes/users';

export const authService: ServiceSpec = {
  name: 'auth',
  defaultPort: 4001,
  async setup(ctx) {
    const users = userModel(ctx.db);
    const store = createSharedStore(ctx.env, ctx.logger);
    const app = createServiceApp({
      name: 'auth',
      logger: ctx.logger,
      jwtSecret: ctx.config.jwtSecret,
      readiness: ctx.readiness,
      bodyLimitBytes: 16 * 1024,
      secureCookies: ctx.config.production,
      trustedProxies: ctx.config.trustedProxies,
      routers: [
        usersRouter({
          users,
          jwtSecret: ctx.config.jwtSecret,
          secureCookies: ctx.config.production,
          config: readAuthConfig(ctx.env),
          limits: store.limits,
        }),
      ],
    });
    return { app, workers: [store.worker] };
  },
};
