import { SESSION_COOKIE, UserDto } from '@bigtix/common';
import { signUserToken } from '@bigtix/middleware';
import { Types } from 'mongoose';
import { TEST_JWT_SECRET } from './isolation';

/** A made-up signed-in user, as the auth service would have issued, for testing other services alone. */
export function fakeUser(email?: string): UserDto & { cookie: string; bearer: string } {
  const id = new Types.ObjectId().toHexString();
  const user = { id, email: email ?? `user-${id.slice(-6)}@example.test` };
  const { token } = signUserToken(user, TEST_JWT_SECRET, 'session', 3600);
  return { ...user, cookie: `${SESSION_COOKIE}=${token}`, bearer: `Bearer ${token}` };
}
