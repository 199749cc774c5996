import { ConflictError, Credentials, UserDto } from '@bigtix/common';
import { isDuplicateKeyError } from '@bigtix/middleware';
import type { AuthDeps } from '../deps';
import { hashPassword } from './password';

export async function signUp({ users }: AuthDeps, { email, password }: Credentials): Promise<UserDto> {
  const passwordHash = await hashPassword(password);
  try {
    const user = await users.create({ email, passwordHash });
    return { id: user._id.toHexString(), email: user.email };
  } catch (err) {
    if (isDuplicateKeyError(err)) throw new ConflictError('An account with this email already exists');
    throw err;
  }
}
