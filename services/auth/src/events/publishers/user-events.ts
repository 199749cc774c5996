import type { Envelope } from '@bigtix/common';
import { makeEnvelope } from '@bigtix/middleware';

const SOURCE = 'auth';

/** `user.registered`: where the user's email goes, for the services that email people. */
export function userRegistered(userId: string, email: string, registeredAt: Date): Envelope {
  return makeEnvelope('user.registered', 0, SOURCE, { userId, email, registeredAt: registeredAt.toISOString() });
}

/** `user.email-verified`: the address is confirmed, so payouts may go out. */
export function userEmailVerified(userId: string, verifiedAt: Date): Envelope {
  return makeEnvelope('user.email-verified', 0, SOURCE, { userId, verifiedAt: verifiedAt.toISOString() });
}
