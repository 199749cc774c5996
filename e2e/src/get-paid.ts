import { waitFor } from '@bigtix/testkit';
import type { Person } from './api-client';
import type { Stack } from './stack';

/** The seller confirms their address by the link in the email sign-up sent (payouts wait for it). */
export async function verifyEmail(stack: Stack, seller: Person): Promise<void> {
  const mail = await stack.mail.waitForMessage(seller.email, /Confirm your email/);
  const token = decodeURIComponent(/\/verify-email\?token=([A-Za-z0-9_%-]+)/.exec(mail.Text)![1]);
  const verified = await seller.call('POST', '/api/users/verify-email', { token });
  if (verified.status !== 200) throw new Error(`verify-email answered ${verified.status}`);
  await waitFor(async () => (await seller.call('GET', '/api/payouts/account')).body.emailVerified === true, {
    what: 'payments told the email is verified',
  });
}

/** Everything a seller does to get paid: verify the address, onboard through Stripe's link (GET). */
export async function onboardSeller(stack: Stack, seller: Person): Promise<void> {
  await verifyEmail(stack, seller);
  const res = await seller.call('POST', '/api/payouts/account');
  if (res.status !== 201) throw new Error(`onboarding answered ${res.status}`);
  const opened = await fetch(res.body.url, { redirect: 'manual' });
  if (opened.status !== 302) throw new Error(`the onboarding link answered ${opened.status}`);
  await waitFor(async () => (await seller.call('GET', '/api/payouts/account')).body.status === 'enabled', {
    what: 'account.updated applied',
  });
}

/** Waits until the seller's sales list shows the order's sale in `status`; returns the sale. */
export async function saleOf(seller: Person, orderId: string, status: string) {
  return waitFor(
    async () => {
      const sale = (await seller.call('GET', '/api/payouts')).body.items.find(
        (s: { orderId: string }) => s.orderId === orderId,
      );
      return sale?.status === status ? sale : undefined;
    },
    { what: `sale ${status}` },
  );
}
