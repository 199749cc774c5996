import { BadRequestError, UserDto } from '@bigtix/common';
import { OutboxRecord, claim, outboxFields } from '@bigtix/middleware';
import type { AuthDeps } from '../deps';
import { userEmailVerified } from '../events/publishers/user-events';
import { emailVerifiedKey, verificationEmailKey, verificationKey } from '../models/keys';
import { hashEmailedToken, newEmailedToken } from './emailed-token';

/** The n-th verification link sent to a user (`<userId>:<n>`), found by the hash of its token. */
export interface EmailVerificationDoc {
  _id: string;
  userId: string;
  email: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
}

/** `email-verified:<userId>`: the one `user.email-verified` event of a user, its own outbox record. */
export type VerifiedEventDoc = OutboxRecord;

/**
 * Sends the next verification link. Two sends at once (a double-clicked "resend") compute the
 * same n: the insert of `<userId>:<n>` lets one through, and the email is keyed by it too.
 */
export async function sendVerification(deps: AuthDeps, user: UserDto): Promise<void> {
  const n = await deps.verifications.countDocuments({ userId: user.id });
  const { token, hash } = newEmailedToken();
  const now = new Date(deps.now());
  const won = await claim(deps.verifications, verificationKey(user.id, n), {
    userId: user.id,
    email: user.email,
    tokenHash: hash,
    createdAt: now,
    expiresAt: new Date(now.getTime() + deps.config.verifyTokenTtlSeconds * 1000),
  });
  if (!won) return;
  await deps.mailer.send(verificationEmailKey(user.id, n), {
    to: user.email,
    subject: 'Confirm your email for BigTix',
    paragraphs: [
      'Welcome to BigTix. Confirm this address so we can pay you for the tickets you sell.',
      'You can buy and list tickets right away; payouts wait until the address is confirmed.',
    ],
    action: { label: 'Confirm my email', path: `/verify-email?token=${encodeURIComponent(token)}` },
  });
}

/**
 * Marks the address verified from a link (any link of the user's that has not expired; using one
 * again is harmless) and announces it once, through auth's outbox, for payments.
 */
export async function verifyEmail(deps: AuthDeps, token: string): Promise<void> {
  const doc = await deps.verifications.findOne({ tokenHash: hashEmailedToken(token) });
  if (!doc) throw new BadRequestError('This verification link is not valid; ask for a new one');
  if (doc.expiresAt.getTime() <= deps.now())
    throw new BadRequestError('This verification link has expired; ask for a new one');
  const user = await deps.users.findById(doc.userId).lean();
  if (!user || user.email !== doc.email)
    throw new BadRequestError('This verification link is not valid; ask for a new one');
  const verifiedAt = user.emailVerifiedAt ?? new Date(deps.now());
  // The event's outbox record first: it is the durable record that the link was used, so a crash
  // before the user record is updated still releases the payouts, and the next click (harmless)
  // brings auth's own answer up to date.
  const event = userEmailVerified(doc.userId, verifiedAt);
  if (await claim(deps.events, emailVerifiedKey(doc.userId), outboxFields([event]))) deps.nudgeOutbox();
  if (!user.emailVerifiedAt) await deps.users.updateOne({ _id: user._id }, { $set: { emailVerifiedAt: verifiedAt } });
}
