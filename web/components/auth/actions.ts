'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { SESSION_COOKIE } from '@bigtix/common';
import { authenticate } from '@/lib/api/auth';
import { ApiError, callService } from '@/lib/api/http';
import { safeNext } from '@/lib/session';

export interface AuthFormState {
  error: string | null;
  email: string;
}

/** Copies the session cookie auth set onto our response, so sign-in works with or without the one-origin router. */
async function adoptSessionCookie(setCookies: string[]) {
  const jar = await cookies();
  for (const header of setCookies) {
    const [pair, ...attrs] = header.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    if (name !== SESSION_COOKIE) continue;
    const maxAge = attrs.find((a) => /^max-age=/i.test(a));
    jar.set(name, decodeURIComponent(pair.slice(eq + 1)), {
      httpOnly: true,
      sameSite: 'lax',
      secure: attrs.some((a) => /^secure$/i.test(a)),
      path: '/',
      ...(maxAge ? { maxAge: Number(maxAge.split('=')[1]) } : {}),
    });
  }
}

async function run(kind: 'signup' | 'signin', _prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  try {
    const { setCookies } = await authenticate(kind, email, password);
    await adoptSessionCookie(setCookies);
  } catch (err) {
    if (err instanceof ApiError && err.status < 500) return { error: err.messages.join('. '), email };
    return { error: 'We could not reach the sign-in service. Try again in a moment.', email };
  }
  redirect(safeNext(String(form.get('next') ?? '')));
}

export async function signUp(prev: AuthFormState, form: FormData) {
  return run('signup', prev, form);
}

export async function signIn(prev: AuthFormState, form: FormData) {
  return run('signin', prev, form);
}

export async function signOut() {
  // Revoked by auth, not only dropped here: a copy of the cookie left on a shared device is dead too.
  await callService('auth', '/api/users/signout', { method: 'POST' }).catch(() => undefined);
  const jar = await cookies();
  jar.delete(SESSION_COOKIE);
  redirect('/');
}
