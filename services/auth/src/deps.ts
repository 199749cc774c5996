import type { Mailer } from '@bigtix/mailer';
import type { Logger, Revocations } from '@bigtix/middleware';
import type { Collection, Document } from 'mongodb';
import type { Connection } from 'mongoose';
import type { AuthConfig } from './config';
import type { EmailVerificationDoc, VerifiedEventDoc } from './domain/email-verification';
import type { PasswordResetDoc, PasswordResetUseDoc } from './domain/password-reset';
import { TokenDoc, Tokens } from './domain/tokens';
import { UserModel, userModel } from './models/user';

/** Everything the use cases need, passed in so tests can inject a clock. */
export interface AuthDeps {
  users: UserModel;
  /** Every issued session and CLI token: the record of truth for revocation. */
  tokens: Tokens;
  /** Reset links by the hash of their token. */
  resets: Collection<PasswordResetDoc>;
  /** A reset link's single use, by the same hash. */
  resetUses: Collection<PasswordResetUseDoc>;
  /** Verification links `<userId>:<n>`. */
  verifications: Collection<EmailVerificationDoc>;
  /** Auth's outbox: `user.email-verified`, each its own record. */
  events: Collection<VerifiedEventDoc>;
  mailer: Mailer;
  config: AuthConfig;
  logger: Logger;
  /** Milliseconds since the epoch: when links and tokens were made, expire, are used or revoked. */
  now: () => number;
  nudgeOutbox: () => void;
}

export interface AuthDepsOptions {
  config: AuthConfig;
  logger: Logger;
  mailer: Mailer;
  revocations: Revocations;
  now?: () => number;
  nudgeOutbox?: () => void;
}

export function createAuthDeps(db: Connection, options: AuthDepsOptions): AuthDeps {
  const now = options.now ?? Date.now;
  const col = <T extends Document>(name: string): Collection<T> => db.collection<T>(name);
  return {
    users: userModel(db),
    tokens: new Tokens(col<TokenDoc>('tokens'), options.revocations, now),
    resets: col<PasswordResetDoc>('password_resets'),
    resetUses: col<PasswordResetUseDoc>('password_reset_uses'),
    verifications: col<EmailVerificationDoc>('email_verifications'),
    events: col<VerifiedEventDoc>('user_events'),
    mailer: options.mailer,
    config: options.config,
    logger: options.logger,
    now,
    nudgeOutbox: options.nudgeOutbox ?? (() => undefined),
  };
}

export async function ensureAuthIndexes(deps: AuthDeps): Promise<void> {
  await deps.tokens.ensureIndexes();
  await deps.verifications.createIndex({ tokenHash: 1 }, { unique: true });
  await deps.verifications.createIndex({ userId: 1 });
}
