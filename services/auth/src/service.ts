import type { Collection } from 'mongodb';
import { ServiceSpec, createServiceApp, createSharedStore, Revocations } from '@bigtix/middleware';
import { readAuthConfig } from './config';
import { userModel } from './models/user';
import { usersRouter } from './routes/users';
import { TokenDoc, Tokens } from './domain/tokens';

export const authService: ServiceSpec = {
  name: 'auth',
  defaultPort: 4001,
  async setup(ctx) {
    const users = userModel(ctx.db);
    const store = createSharedStore(ctx.env, ctx.logger);
    const revocations = new Revocations(store, ctx.logger);
    const tokens = new Tokens(ctx.db.collection<TokenDoc>('tokens') as unknown as Collection<TokenDoc>, revocations);
    await tokens.ensureIndexes();
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
        usersRouter({
          users,
          jwtSecret: ctx.config.jwtSecret,
          secureCookies: ctx.config.production,
          config: readAuthConfig(ctx.env),
          limits: store.limits,
          tokens,
        }),
      ],
    });
    return { app, workers: [store.worker, tokens.resyncWorker()] };
  },
};
