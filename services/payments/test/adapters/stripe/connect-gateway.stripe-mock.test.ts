import Stripe from 'stripe';
import { ConnectGateway } from '../../../src/adapters/stripe/connect-gateway';
import { createStripeClient } from '../../../src/adapters/stripe/stripe-client';
import { RunningStripeMock, startStripeMock } from '../../support/stripe-mock';

/**
 * Every Connect call payouts and reconciliation make, against stripe-mock, which validates each
 * request against Stripe's OpenAPI: a parameter Stripe does not have fails here, not in production.
 */
describe('ConnectGateway against stripe-mock (Stripe OpenAPI)', () => {
  let mock: RunningStripeMock;
  let gateway: ConnectGateway;
  let stripe: Stripe;

  beforeAll(async () => {
    mock = await startStripeMock();
    stripe = createStripeClient({
      stripeSecretKey: 'sk_test_123',
      stripeApiBase: mock.url,
      stripeTimeoutMs: 10_000,
      stripeMaxNetworkRetries: 0,
    });
    gateway = new ConnectGateway(stripe);
  }, 30_000);

  afterAll(async () => {
    await mock?.stop();
  });

  it('rejects a transfer parameter Stripe does not have (the check is real)', async () => {
    const bad = stripe.transfers.create({
      amount: 100,
      currency: 'usd',
      destination: 'acct_123',
      source_transation: 'ch_1',
    } as unknown as Stripe.TransferCreateParams);
    await expect(bad).rejects.toThrow(/additional properties are not allowed|source_transation/);
  });

  it('creates an Express account with the parameters the service sends', async () => {
    const account = await gateway.createExpressAccount('65f0c0ffee0000000000beef', 'seller@example.com');
    expect(account.id).toMatch(/^acct_/);
  });

  it('retrieves an account and creates an onboarding link', async () => {
    expect((await gateway.retrieveAccount('acct_123')).id).toMatch(/^acct_/);
    const url = await gateway.createOnboardingLink(
      'acct_123',
      'https://bigtix.test/my/payouts/setup?done=1',
      'https://bigtix.test/my/payouts/setup?refresh=1',
    );
    expect(url).toMatch(/^https?:\/\//);
  });

  it('reads the charge of a PaymentIntent (stripe-mock’s fixture has none: null)', async () => {
    await expect(gateway.chargeOf('pi_123')).resolves.toBeNull();
  });

  it('creates a transfer from a charge to a connected account in the order’s transfer group', async () => {
    const transfer = await gateway.createTransfer({
      orderId: '65f0c0ffee0000000000beef',
      sellerId: '65f0c0ffee0000000000cafe',
      amount: 11_250,
      currency: 'usd',
      destination: 'acct_123',
      sourceTransaction: 'ch_123',
    });
    expect(transfer.id).toMatch(/^tr_/);
  });

  it('lists an order’s transfers and reverses one', async () => {
    expect(Array.isArray(await gateway.transfersOfOrder('65f0c0ffee0000000000beef'))).toBe(true);
    const reversal = await gateway.reverseTransfer('65f0c0ffee0000000000beef', '65f0c0ffee0000000000cafe', 'tr_123');
    expect(reversal.id).toMatch(/^trr_/);
  });

  it('lists balance transactions, transfers and refunds as reconciliation reads them', async () => {
    for await (const t of stripe.balanceTransactions.list({ limit: 100 })) expect(t.object).toBe('balance_transaction');
    for await (const r of stripe.refunds.list({ limit: 100 })) expect(r.object).toBe('refund');
    for await (const t of stripe.transfers.list({ limit: 100 })) expect(t.object).toBe('transfer');
    for await (const r of stripe.transfers.listReversals('tr_123', { limit: 100 }))
      expect(r.object).toBe('transfer_reversal');
    expect((await stripe.transfers.retrieveReversal('tr_123', 'trr_123')).object).toBe('transfer_reversal');
    expect((await stripe.balanceTransactions.retrieve('txn_123')).object).toBe('balance_transaction');
    expect((await stripe.paymentIntents.retrieve('pi_123', { expand: ['latest_charge'] })).object).toBe(
      'payment_intent',
    );
    expect((await stripe.refunds.retrieve('re_123')).object).toBe('refund');
    expect((await stripe.transfers.retrieve('tr_123')).object).toBe('transfer');
  });
});
