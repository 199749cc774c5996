/**
 * The account server actions (change password, forgot / reset password, verify email) against
 * the real auth service with its email going to the stack's Mailpit, as Next would call them:
 * with the browser's session cookie and a FormData.
 */
import { Person, newPerson } from '@bigtix/e2e/src/api-client';
import { Stack, startStack } from '@bigtix/e2e/src/stack';
import {
  changePassword,
  confirmPasswordReset,
  requestPasswordReset,
  resendVerification,
  verifyEmail,
} from '@/components/account/actions';
import { setRequestCookies } from '../support/next-stubs/headers';

jest.setTimeout(60_000);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ only: ['auth'] });
  process.env.AUTH_URL = stack.services.auth.url;
});
afterAll(() => stack?.stop());

const as = (p: Person | null) => setRequestCookies(p ? { session: p.cookie.split('=')[1] } : {});
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};
const start = { error: null, done: null };
const tokenOf = (text: string, path: string) =>
  decodeURIComponent(new RegExp(`${path}\\?token=([A-Za-z0-9_%-]+)`).exec(text)![1]);

it('changes the password with the current one, and says which field is wrong otherwise', async () => {
  const person = await newPerson(stack.url, 'web-change');
  as(person);
  expect(await changePassword(start, form({ currentPassword: 'nope', newPassword: 'new password 1' }))).toEqual({
    error: 'The current password is wrong',
    done: null,
  });
  const ok = await changePassword(start, form({ currentPassword: person.password, newPassword: 'new password 1' }));
  expect(ok).toEqual({ error: null, done: 'Password changed; you were signed out everywhere else.' });
});

it('answers a reset request the same for an unknown address, and resets from the emailed link', async () => {
  const person = await newPerson(stack.url, 'web-reset');
  as(null);
  const known = await requestPasswordReset(start, form({ email: person.email }));
  const unknown = await requestPasswordReset(start, form({ email: `nobody-${person.email}` }));
  expect(unknown).toEqual(known);
  expect(known.done).toMatch(/If an account uses this address/);

  const mail = await stack.mail.waitForMessage(person.email, /Reset your BigTix password/);
  const token = tokenOf(mail.Text, '/reset-password');
  expect(await confirmPasswordReset(start, form({ token, newPassword: 'short' }))).toMatchObject({
    error: expect.stringMatching(/at least 8/),
  });
  expect(await confirmPasswordReset(start, form({ token, newPassword: 'a fresh password' }))).toEqual({
    error: null,
    done: 'Password changed; sign in with the new one.',
  });
  expect(await confirmPasswordReset(start, form({ token, newPassword: 'another password' }))).toEqual({
    error: 'This password reset link has already been used; ask for a new one',
    done: null,
  });
});

it('verifies the email from the link and resends while unverified', async () => {
  const person = await newPerson(stack.url, 'web-verify');
  as(person);
  expect((await resendVerification(start)).done).toMatch(/sent a new confirmation link/);
  const mail = await stack.mail.waitForMessage(person.email, /Confirm your email/);
  as(null);
  expect(await verifyEmail(start, form({ token: tokenOf(mail.Text, '/verify-email') }))).toEqual({
    error: null,
    done: 'Email confirmed.',
  });
  expect(await verifyEmail(start, form({ token: 'made-up' }))).toEqual({
    error: 'This verification link is not valid; ask for a new one',
    done: null,
  });
  as(person);
  expect((await resendVerification(start)).done).toBe('Your email is already confirmed.');
});
