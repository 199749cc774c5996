import { SESSION_COOKIE, UserDto } from '@bigtix/common';
import { signUserToken } from '@bigtix/middleware';
import { Types } from 'mongoose';
import { TEST_JWT_SECRET } from './isolation';

/** A made-up signed-in user, as the auth service would have issued, for testing other services alone. */
export function fakeUser(email?: string): UserDto & { cookie: string; bearer: string } {
  const id = new Types.ObjectId().toHexString();
  const user = { id, email: email ?? `user-${id.slice(-6)}@example.test` };
  // A browser session for the cookie and a CLI token for the bearer: each kind is accepted only there.
  const session = signUserToken(user, TEST_JWT_SECRET, 'session', 3600).token;
  const cli = signUserToken(user, TEST_JWT_SECRET, 'cli', 3600).token;
  return { ...user, cookie: `${SESSION_COOKIE}=${session}`, bearer: `Bearer ${cli}` };
}
