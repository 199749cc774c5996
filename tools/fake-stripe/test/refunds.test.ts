import Stripe from 'stripe';
import { confirmedPaymentIntent, rejectionOf, startHarness, type Harness } from './support/harness';

describe('Refunds', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.fake.close();
  });

  it('refunds a succeeded intent in full and marks its charge refunded', async () => {
    const pi = await confirmedPaymentIntent(h.stripe, 'pm_card_visa');
    const refund = await h.stripe.refunds.create({
      payment_intent: pi.id,
      reason: 'requested_by_customer',
      metadata: { orderId: 'order_1' },
    });
    expect(refund).toMatchObject({
      object: 'refund',
      status: 'succeeded',
      amount: 2500,
      currency: 'usd',
      payment_intent: pi.id,
      charge: pi.latest_charge,
      reason: 'requested_by_customer',
      metadata: { orderId: 'order_1' },
    });
    expect(refund.id).toMatch(/^re_/);
    expect((await h.stripe.refunds.retrieve(refund.id)).id).toBe(refund.id);
    const charge = await h.stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 2500, refunded: true });
  });

  it('refunds in parts and rejects more than what is left, then a refund of a fully refunded charge', async () => {
    const pi = await confirmedPaymentIntent(h.stripe, 'pm_card_visa');
    await h.stripe.refunds.create({ payment_intent: pi.id, amount: 1000 });
    const tooMuch = await rejectionOf(h.stripe.refunds.create({ payment_intent: pi.id, amount: 1600 }));
    expect(tooMuch).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(tooMuch).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount' });
    expect(tooMuch.message).toBe('Refund amount ($16.00) is greater than unrefunded amount on charge ($15.00)');

    await h.stripe.refunds.create({ payment_intent: pi.id });
    const charge = await h.stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 2500, refunded: true });
    const again = await rejectionOf(h.stripe.refunds.create({ payment_intent: pi.id }));
    expect(again).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
  });

  it('refuses to refund an intent that has not succeeded', async () => {
    const pi = await h.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const err = await rejectionOf(h.stripe.refunds.create({ payment_intent: pi.id }));
    expect(err).toMatchObject({ statusCode: 400, param: 'payment_intent' });
    expect(err.message).toBe('This PaymentIntent does not have a successful charge to refund.');
    const missing = await rejectionOf(h.stripe.refunds.create({ payment_intent: 'pi_missing' }));
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});
