import 'server-only';
import { redirect } from 'next/navigation';
import type { UserDto } from '@bigtix/common';
import { fetchCurrentUser } from './api/auth';

/** For protected pages: the signed-in user, or a redirect to sign in that comes back here. */
export async function requireUser(here: string): Promise<UserDto> {
  const user = await fetchCurrentUser();
  if (!user) redirect(`/auth/signin?next=${encodeURIComponent(here)}`);
  return user;
}

/** Only same-site paths are followed after sign-in, so `?next=` cannot send people elsewhere. */
export function safeNext(next: string | undefined | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
