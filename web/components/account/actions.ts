'use server';
import { callService, ApiError } from '@/lib/api/http';

/** What an account form shows after a submit: an error, or the service's confirmation. */
export interface AccountFormState {
  error: string | null;
  done: string | null;
}

const UNREACHABLE = 'We could not reach the account service. Try again in a moment.';

async function submit(
  path: string,
  method: 'POST' | 'PUT',
  body: Record<string, string>,
  withSession = true,
): Promise<AccountFormState> {
  try {
    const { data } = await callService<{ message: string }>('auth', path, { method, body, withSession });
    return { error: null, done: data.message };
  } catch (err) {
    if (err instanceof ApiError && err.status < 500) return { error: err.messages.join('. '), done: null };
    return { error: UNREACHABLE, done: null };
  }
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

/** Account page: needs the current password; the service signs out every other session. */
export async function changePassword(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  return submit('/api/users/password', 'PUT', {
    currentPassword: field(form, 'currentPassword'),
    newPassword: field(form, 'newPassword'),
  });
}

/** "Forgot your password?": the same answer whether or not the address has an account. */
export async function requestPasswordReset(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  return submit('/api/users/password-reset', 'POST', { email: field(form, 'email').trim() }, false);
}

/** From the emailed link: the token travels in a hidden field, never in a GET that a mail scanner could follow. */
export async function confirmPasswordReset(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  return submit(
    '/api/users/password-reset/confirm',
    'POST',
    { token: field(form, 'token'), newPassword: field(form, 'newPassword') },
    false,
  );
}

export async function verifyEmail(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  return submit('/api/users/verify-email', 'POST', { token: field(form, 'token') }, false);
}

export async function resendVerification(_prev: AccountFormState): Promise<AccountFormState> {
  return submit('/api/users/verify-email/resend', 'POST', {});
}
