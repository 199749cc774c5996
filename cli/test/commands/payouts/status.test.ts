import { runPayoutsStatus } from '../../../src/commands/payouts/status';
import { testDeps } from '../../support/deps';

const SUMMARY = {
  currency: 'usd',
  sales: 1,
  gross: 5_000,
  fees: 500,
  byStatus: { pending_event: 0, awaiting_account: 0, scheduled: 4_500, paid: 0, refunded: 0, reversed: 0 },
  paid: 0,
  upcoming: 4_500,
};
const account = (emailVerified: boolean) => ({
  status: 'enabled',
  payoutsEnabled: true,
  requirements: [],
  emailVerified,
});

it('says that payouts wait while the email is not verified', async () => {
  const d = await testDeps({
    token: 'tok',
    routes: { 'GET /api/payouts/account': [200, account(false)], 'GET /api/payouts/summary': [200, SUMMARY] },
  });
  await runPayoutsStatus({}, d);
  expect(d.stdout()).toContain('Email:     not verified: payouts wait until you click the link we emailed you');
});

it('says nothing about the email once it is verified', async () => {
  const d = await testDeps({
    token: 'tok',
    routes: { 'GET /api/payouts/account': [200, account(true)], 'GET /api/payouts/summary': [200, SUMMARY] },
  });
  await runPayoutsStatus({}, d);
  expect(d.stdout()).not.toContain('Email:');
  expect(d.stdout()).toContain('Account:   ready: payouts enabled');
});
