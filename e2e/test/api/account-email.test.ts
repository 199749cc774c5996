/**
 * Accounts by email through the whole stack (one origin, every service, real SMTP into the
 * stack's Mailpit): the sign-up's confirmation link verifies the address and payments learns it;
 * a forgotten password is reset by the emailed link, which signs the account out everywhere.
 */
import { waitFor } from '@bigtix/testkit';
import { Person, newPerson } from '../../src/api-client';
import { Stack, startStack } from '../../src/stack';

jest.setTimeout(60_000);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

const tokenOf = (text: string, path: string) =>
  decodeURIComponent(new RegExp(`${path}\\?token=([A-Za-z0-9_%-]+)`).exec(text)![1]);

it('verifies the address from the sign-up email; auth and payments both say so', async () => {
  const seller = await newPerson(stack.url, 'verify');
  expect((await seller.call('GET', '/api/users/currentuser')).body.currentUser.emailVerified).toBe(false);
  expect((await seller.call('GET', '/api/payouts/account')).body.emailVerified).toBe(false);

  const mail = await stack.mail.waitForMessage(seller.email, /Confirm your email/);
  const res = await seller.call('POST', '/api/users/verify-email', { token: tokenOf(mail.Text, '/verify-email') });
  expect(res.status).toBe(200);

  expect((await seller.call('GET', '/api/users/currentuser')).body.currentUser.emailVerified).toBe(true);
  await waitFor(async () => (await seller.call('GET', '/api/payouts/account')).body.emailVerified === true, {
    what: 'payments told by user.email-verified',
  });
});

it('resets a forgotten password by the emailed link and signs out the old session', async () => {
  const person = await newPerson(stack.url, 'reset');
  const stranger = new Person(stack.url, `nobody-${person.email}`);
  const asked = await stranger.call('POST', '/api/users/password-reset', { email: person.email });
  const unknown = await stranger.call('POST', '/api/users/password-reset', { email: stranger.email });
  expect([asked.status, unknown.status]).toEqual([202, 202]);
  expect(unknown.body).toEqual(asked.body);

  const mail = await stack.mail.waitForMessage(person.email, /Reset your BigTix password/);
  const token = tokenOf(mail.Text, '/reset-password');
  const confirm = await stranger.call('POST', '/api/users/password-reset/confirm', {
    token,
    newPassword: 'brand new password',
  });
  expect(confirm.status).toBe(200);
  expect((await person.call('GET', '/api/users/currentuser')).body.currentUser).toBeNull();
  const again = new Person(stack.url, person.email, 'brand new password');
  expect(
    (await again.call('POST', '/api/users/signin', { email: person.email, password: again.password })).status,
  ).toBe(200);
  expect(await stack.mail.messagesTo(stranger.email)).toEqual([]);
});
