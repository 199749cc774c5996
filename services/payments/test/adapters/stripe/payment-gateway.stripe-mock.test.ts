import Stripe from 'stripe';
import { createStripeClient } from '../../../src/adapters/stripe/stripe-client';
import { PaymentGateway } from '../../../src/adapters/stripe/payment-gateway';
import { RunningStripeMock, startStripeMock } from '../../support/stripe-mock';

/**
 * stripe-mock validates every request against Stripe's published OpenAPI spec. Each call the
 * service makes goes through PaymentGateway, so running the gateway against it proves the
 * parameter names and shapes are ones real Stripe accepts (a typo here is a 400 there).
 */
describe('PaymentGateway against stripe-mock (Stripe OpenAPI)', () => {
  let mock: RunningStripeMock;
  let gateway: PaymentGateway;
  let stripe: Stripe;

  beforeAll(async () => {
    mock = await startStripeMock();
    stripe = createStripeClient({
      stripeSecretKey: 'sk_test_123',
      stripeApiBase: mock.url,
      stripeTimeoutMs: 10_000,
      stripeMaxNetworkRetries: 0,
    });
    gateway = new PaymentGateway(stripe, 'whsec_test');
  }, 30_000);

  afterAll(async () => {
    await mock?.stop();
  });

  it('rejects a request with a parameter Stripe does not have (the check is real)', async () => {
    const bad = stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      confirmation_tokn: 'ctoken_x',
    } as unknown as Stripe.PaymentIntentCreateParams);
    await expect(bad).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(bad).rejects.toThrow(/additional properties are not allowed/);
    const badValue = stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      automatic_payment_methods: { enabled: true, allow_redirects: 'sometimes' },
    } as unknown as Stripe.PaymentIntentCreateParams);
    await expect(badValue).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });

  it('creates a test ConfirmationToken with the test-helper parameters', async () => {
    const id = await gateway.createTestConfirmationToken('pm_card_visa');
    expect(id).toMatch(/^ctoken_/);
  });

  it('creates and confirms a PaymentIntent with the parameters the service sends', async () => {
    const result = await gateway.createAndConfirm({
      amount: 12_500,
      currency: 'usd',
      confirmationTokenId: 'ctoken_1234567890',
      orderId: '65f0c0ffee0000000000beef',
      paymentId: '65f0c0ffee0000000000cafe',
      attempt: 1,
      idempotencyKey: `bigtix-pi-stripe-mock-${Date.now()}`,
    });
    expect(result.kind).toBe('created');
    if (result.kind === 'created') expect(result.intent.id).toMatch(/^pi_/);
  });

  it('cancels a PaymentIntent with the parameters the service sends', async () => {
    const result = await gateway.cancel('pi_123');
    expect(result.kind).toBe('canceled');
    expect(result.intent.id).toMatch(/^pi_/);
  });

  it('refunds a PaymentIntent with the parameters the service sends', async () => {
    const result = await gateway.refund('pi_123', 'order expired and its tickets were sold');
    expect(result.refundId).toMatch(/^re_/);
  });

  it('retrieves a PaymentIntent', async () => {
    const intent = await gateway.retrieve('pi_123');
    expect(intent.id).toMatch(/^pi_/);
  });
});
