import Stripe from 'stripe';
import { confirmedPaymentIntent, rejectionOf, startHarness, waitFor, type Harness } from './support/harness';
import { startReceiver } from './support/receiver';

describe('Connect: Express accounts, onboarding links, transfers, reversals, balance transactions', () => {
  let h: Harness;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    h = await startHarness({ webhookUrl: receiver.url, webhookSecret: 'whsec_connect_test' });
  });
  afterAll(async () => {
    await h.fake.close();
    await receiver.close();
  });

  async function onboardedAccount(): Promise<Stripe.Account> {
    const account = await h.stripe.accounts.create({
      type: 'express',
      country: 'US',
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
      metadata: { userId: 'seller_1' },
    });
    const link = await h.stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      return_url: 'https://bigtix.test/my/payouts/setup?done=1',
      refresh_url: 'https://bigtix.test/my/payouts/setup?refresh=1',
    });
    const res = await fetch(link.url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://bigtix.test/my/payouts/setup?done=1');
    return h.stripe.accounts.retrieve(account.id);
  }

  it('creates an account that cannot be paid until the link is opened, then sends a signed account.updated', async () => {
    const account = await h.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    expect(account).toMatchObject({
      object: 'account',
      type: 'express',
      payouts_enabled: false,
      details_submitted: false,
    });
    expect(account.requirements?.currently_due).toContain('external_account');
    const link = await h.stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      return_url: 'https://bigtix.test/done',
      refresh_url: 'https://bigtix.test/refresh',
    });
    expect(link).toMatchObject({ object: 'account_link' });
    expect(link.expires_at).toBeGreaterThan(link.created);

    expect((await fetch(link.url, { redirect: 'manual' })).status).toBe(302);
    expect(await h.stripe.accounts.retrieve(account.id)).toMatchObject({
      payouts_enabled: true,
      charges_enabled: true,
      details_submitted: true,
      requirements: expect.objectContaining({ currently_due: [] }),
      capabilities: { transfers: 'active' },
    });
    const delivered = await waitFor(() =>
      receiver.received.find((r) => r.body.includes('"account.updated"') && r.body.includes(account.id)),
    );
    const event = h.stripe.webhooks.constructEvent(
      delivered.body,
      String(delivered.headers['stripe-signature']),
      'whsec_connect_test',
    );
    expect(event.type).toBe('account.updated');
    // A link is single use.
    expect((await fetch(link.url, { redirect: 'manual' })).status).toBe(410);
  });

  it('transfers from a charge to an onboarded account, no more than the charge has left, and reverses it', async () => {
    const account = await onboardedAccount();
    const pi = await confirmedPaymentIntent(h.stripe, 'pm_card_visa', { amount: 13750, transfer_group: 'order_A' });
    expect(pi.transfer_group).toBe('order_A');
    const charge = pi.latest_charge as string;

    const transfer = await h.stripe.transfers.create(
      {
        amount: 11250,
        currency: 'usd',
        destination: account.id,
        source_transaction: charge,
        transfer_group: 'order_A',
        metadata: { sellerId: 's1' },
      },
      { idempotencyKey: 'bigtix-transfer-A-s1' },
    );
    expect(transfer).toMatchObject({
      object: 'transfer',
      amount: 11250,
      destination: account.id,
      source_transaction: charge,
      transfer_group: 'order_A',
      reversed: false,
    });
    const again = await h.stripe.transfers.create(
      {
        amount: 11250,
        currency: 'usd',
        destination: account.id,
        source_transaction: charge,
        transfer_group: 'order_A',
        metadata: { sellerId: 's1' },
      },
      { idempotencyKey: 'bigtix-transfer-A-s1' },
    );
    expect(again.id).toBe(transfer.id);
    const tooMuch = await rejectionOf(
      h.stripe.transfers.create({ amount: 5000, currency: 'usd', destination: account.id, source_transaction: charge }),
    );
    expect(tooMuch).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((await h.stripe.transfers.list({ transfer_group: 'order_A' })).data.map((t) => t.id)).toEqual([transfer.id]);

    const reversal = await h.stripe.transfers.createReversal(
      transfer.id,
      {},
      { idempotencyKey: 'bigtix-reversal-A-s1' },
    );
    expect(reversal).toMatchObject({ object: 'transfer_reversal', amount: 11250, transfer: transfer.id });
    expect(await h.stripe.transfers.retrieve(transfer.id)).toMatchObject({ amount_reversed: 11250, reversed: true });
    expect((await rejectionOf(h.stripe.transfers.createReversal(transfer.id))).code).toBe('transfer_already_reversed');

    const txns = await h.stripe.balanceTransactions.list({ limit: 100 });
    const bySource = new Map(txns.data.map((t) => [t.source, t]));
    expect(bySource.get(charge)).toMatchObject({ type: 'charge', amount: 13750, net: 13750, fee: 0 });
    expect(bySource.get(transfer.id)).toMatchObject({ type: 'transfer', amount: -11250 });
    expect(bySource.get(reversal.id)).toMatchObject({ type: 'transfer_refund', amount: 11250 });
  });

  it('refuses a transfer to an account that has not finished onboarding', async () => {
    const account = await h.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const pi = await confirmedPaymentIntent(h.stripe, 'pm_card_visa');
    const err = await rejectionOf(
      h.stripe.transfers.create({
        amount: 100,
        currency: 'usd',
        destination: account.id,
        source_transaction: pi.latest_charge as string,
      }),
    );
    expect(err.code).toBe('insufficient_capabilities_for_transfer');
  });
});
