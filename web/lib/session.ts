import 'server-only';
import { redirect } from 'next/navigation';
import type { UserDto } from '@bigtix/common';
import { fetchCurrentUser } from './api/auth';

/** For protected pages: the signed-in user, or a redirect to sign in that comes back here. */
export async function requireUser(here: string): Promise<UserDto & { emailVerified?: boolean }> {
  const user = await fetchCurrentUser();
  if (!user) redirect(`/auth/signin?next=${encodeURIComponent(here)}`);
  return user;
}

export { safeNext } from './safe-next';
