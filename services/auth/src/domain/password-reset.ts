import { BadRequestError } from '@bigtix/common';
import { claim } from '@bigtix/middleware';
import type { AuthDeps } from '../deps';
import { resetEmailKey } from '../models/keys';
import { hashEmailedToken, newEmailedToken } from './emailed-token';
import { hashPassword } from './password';

/** One reset link sent, by the hash of its token (the token itself is only in the email). */
export interface PasswordResetDoc {
  _id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A reset link's single use: the insert of its hash decides which of two confirms wins. */
export interface PasswordResetUseDoc {
  _id: string;
  at: Date;
}

/**
 * Emails a single-use reset link if the address has an account, and nothing otherwise; the
 * route answers the same either way, without waiting for this (so its timing tells nothing).
 */
export async function requestPasswordReset(deps: AuthDeps, email: string): Promise<void> {
  const user = await deps.users.findOne({ email }).lean();
  if (!user) return;
  const { token, hash } = newEmailedToken();
  const ttlSeconds = deps.config.resetTokenTtlSeconds;
  const now = new Date(deps.now());
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  await deps.resets.insertOne({ _id: hash, userId: user._id.toHexString(), createdAt: now, expiresAt });
  const minutes = Math.round(ttlSeconds / 60);
  await deps.mailer.send(resetEmailKey(hash), {
    to: user.email,
    subject: 'Reset your BigTix password',
    paragraphs: [
      'Someone (hopefully you) asked to reset the password of your BigTix account.',
      `The link below works once, for ${minutes} minutes. If you did not ask, ignore this email: your password stays as it is.`,
    ],
    action: { label: 'Choose a new password', path: `/reset-password?token=${encodeURIComponent(token)}` },
  });
}

/**
 * Sets the new password from a reset link, once: of two confirms of one link exactly one wins
 * (the unique insert of its use), the other is told the link was used. Every session and CLI
 * token of the account is revoked, since whoever knew the old password may hold one.
 */
export async function confirmPasswordReset(deps: AuthDeps, token: string, newPassword: string): Promise<void> {
  const hash = hashEmailedToken(token);
  const reset = await deps.resets.findOne({ _id: hash });
  if (!reset) throw new BadRequestError('This password reset link is not valid; ask for a new one');
  if (reset.expiresAt.getTime() <= deps.now())
    throw new BadRequestError('This password reset link has expired; ask for a new one');
  // Hashed before the claim: a slow scrypt must not leave a used link with the old password.
  const passwordHash = await hashPassword(newPassword);
  if (!(await claim(deps.resetUses, hash, { at: new Date(deps.now()) })))
    throw new BadRequestError('This password reset link has already been used; ask for a new one');
  await deps.users.updateOne({ _id: reset.userId }, { $set: { passwordHash } });
  await deps.tokens.revokeAllOf(reset.userId);
}
