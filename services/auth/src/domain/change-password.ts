import { BadRequestError, UserDto } from '@bigtix/common';
import type { AuthDeps } from '../deps';
import { hashPassword, verifyPassword } from './password';

/**
 * Changes the password of the signed-in user, who must know the current one (a borrowed
 * session is not enough), then revokes every other session and CLI token: whoever else had one
 * is signed out everywhere; the session the change was made with stays signed in.
 */
export async function changePassword(
  { users, tokens }: AuthDeps,
  user: UserDto,
  currentTokenId: string | null,
  { currentPassword, newPassword }: { currentPassword: string; newPassword: string },
): Promise<{ revoked: number }> {
  const stored = await users.findById(user.id).lean();
  if (!stored || !(await verifyPassword(currentPassword, stored.passwordHash)))
    // 400, not 401: the caller is signed in (a 401 would make the web app sign them out).
    throw new BadRequestError('The current password is wrong', [
      { message: 'The current password is wrong', field: 'currentPassword' },
    ]);
  await users.updateOne({ _id: stored._id }, { $set: { passwordHash: await hashPassword(newPassword) } });
  return { revoked: await tokens.revokeAllOf(user.id, currentTokenId) };
}
