import { UnauthorizedError, UserDto } from '@bigtix/common';
import type { AuthDeps } from '../deps';
import { decoyHash, verifyPassword } from './password';

/** One message for unknown email and wrong password, so sign-in does not reveal who has an account. */
export async function verifyCredentials({ users }: AuthDeps, email: string, password: string): Promise<UserDto> {
  const user = await users.findOne({ email }).lean();
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok) throw new UnauthorizedError('Invalid email or password');
  return { id: user._id.toHexString(), email: user.email };
}
