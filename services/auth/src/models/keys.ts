// Every key auth stores things under, in one place: these formats are in the database and the
// email outbox, so a change here is a data migration (test/models/keys.test.ts pins each one).

/** The outbox record of a user's one `user.registered` event. */
export const registeredKey = (userId: string) => `registered:${userId}`;

/** The outbox record of a user's one `user.email-verified` event. */
export const emailVerifiedKey = (userId: string) => `email-verified:${userId}`;

/** The n-th verification token sent to a user (n = how many were sent before: one winner per n). */
export const verificationKey = (userId: string, n: number) => `${userId}:${n}`;

/** The email that carries that verification token (the mailer sends one per key). */
export const verificationEmailKey = (userId: string, n: number) => `verify:${userId}:${n}`;

/** The email that carries a password-reset token, by the token's hash. */
export const resetEmailKey = (tokenHash: string) => `password-reset:${tokenHash}`;
