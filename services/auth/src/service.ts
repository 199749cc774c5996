import type { Collection, Document } from 'mongodb';
import { ServiceSpec, createServiceApp, createSharedStore, Revocations } from '@bigtix/middleware';
import { readAuthConfig } from './config';
import { userModel } from './models/user';
import { usersRouter } from './routes/users';
import { TokenDoc, Tokens } from './domain/tokens';
import { createMailer } from '@bigtix/mailer';
import type { PasswordResetDoc, PasswordResetUseDoc } from './domain/password-reset';
import type { EmailVerificationDoc, VerifiedEventDoc } from './domain/email-verification';

export const authService: ServiceSpec = {
  name: 'auth',
  defaultPort: 4001,
  async setup(ctx) {
    const users = userModel(ctx.db);
    const store = createSharedStore(ctx.env, ctx.logger);
    const revocations = new Revocations(store, ctx.logger);
    const tokens = new Tokens(ctx.db.collection<TokenDoc>('tokens') as unknown as Collection<TokenDoc>, revocations);
    await tokens.ensureIndexes();
    const config = readAuthConfig(ctx.env);
    const db = ctx.db.db!;
    const mailer = await createMailer(ctx.env, db, ctx.logger);
    const verifications = db.collection<EmailVerificationDoc>('email_verifications');
    await verifications.createIndex({ tokenHash: 1 }, { unique: true });
    await verifications.createIndex({ userId: 1 });
    // Auth's events, each its own outbox record: `user.registered` and `user.email-verified`.
    const events = db.collection<VerifiedEventDoc>('user_events');
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
          config,
          limits: store.limits,
          tokens,
          resets: {
            users,
            resets: db.collection<PasswordResetDoc>('password_resets'),
            uses: db.collection<PasswordResetUseDoc>('password_reset_uses'),
            tokens,
            mailer,
            ttlSeconds: config.resetTokenTtlSeconds,
            logger: ctx.logger,
          },
          verification: {
            users,
            verifications,
            events,
            mailer,
            ttlSeconds: config.verifyTokenTtlSeconds,
            nudgeOutbox: ctx.nudgeOutbox,
          },
          registration: { events, nudgeOutbox: ctx.nudgeOutbox },
        }),
      ],
    });
    return {
      app,
      outbox: [{ collection: events as unknown as Collection<Document> }],
      workers: [store.worker, tokens.resyncWorker(), mailer.worker()],
    };
  },
};
