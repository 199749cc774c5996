import 'server-only';
import type { CurrentUserResponse, UserDto } from '@bigtix/common';
import { callService, getJson } from './http';

/** The signed-in user; `emailVerified` as auth reports it (absent from an older auth). */
export async function fetchCurrentUser(): Promise<(UserDto & { emailVerified?: boolean }) | null> {
  try {
    const { currentUser } = await getJson<CurrentUserResponse>('auth', '/api/users/currentuser');
    return currentUser;
  } catch {
    // The header must render even when auth is down; the user just looks signed out.
    return null;
  }
}

/** Signs up or in; returns the user and the Set-Cookie headers auth sent, for the action to pass on. */
export async function authenticate(kind: 'signup' | 'signin', email: string, password: string) {
  const { data, headers } = await callService<UserDto>('auth', `/api/users/${kind}`, {
    method: 'POST',
    body: { email, password },
    withSession: false,
  });
  return { user: data, setCookies: headers.getSetCookie() };
}
