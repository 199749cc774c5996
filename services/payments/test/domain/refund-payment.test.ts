import { Isolation, fakeUser, isolate } from '@bigtix/testkit';
import mongoose, { Connection, Types } from 'mongoose';
import Stripe from 'stripe';
import { RunningFakeStripe, startFakeStripe } from '@bigtix/fake-stripe';
import type { PaymentsDeps } from '../../src/deps';
import { refundPayment } from '../../src/domain/refund-payment';
import type { Payment } from '../../src/models/payment';
import { domainDeps } from '../support/deps';

describe('refundPayment', () => {
  let iso: Isolation;
  let db: Connection;
  let fake: RunningFakeStripe;
  let deps: PaymentsDeps;
  let stripe: Stripe;

  beforeAll(async () => {
    iso = isolate('payrefund');
    db = await mongoose.createConnection(iso.mongoUrl('payments')).asPromise();
    fake = await startFakeStripe({ webhookUrl: null });
    deps = await domainDeps(db, fake.url);
    stripe = new Stripe('sk_test_refund', { ...fake.stripeClientOptions, maxNetworkRetries: 0 });
  });
  afterAll(async () => {
    await fake?.close();
    await db?.close();
    await iso?.cleanup();
  });

  it('refunds a PaymentIntent once when asked many times at once', async () => {
    const token = await stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_visa' });
    const intent = await stripe.paymentIntents.create({
      amount: 4_200,
      currency: 'usd',
      confirm: true,
      confirmation_token: token.id,
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    });
    const now = new Date().toISOString();
    const orderId = new Types.ObjectId().toHexString();
    const payment: Payment = {
      _id: new Types.ObjectId().toHexString(),
      version: 1,
      orderId,
      userId: fakeUser().id,
      attempt: 1,
      attemptKey: `${orderId}#1`,
      amount: 4_200,
      currency: 'usd',
      status: 'succeeded',
      confirmationTokenId: token.id,
      paymentIntentId: intent.id,
      clientSecret: null,
      failureMessage: null,
      refundId: null,
      createdAt: now,
      updatedAt: now,
    };
    await deps.payments.store.createMany([payment], () => []);

    await Promise.all(Array.from({ length: 5 }, () => refundPayment(deps, intent.id, 'tickets sold to someone else')));

    const refunds = await stripe.refunds.list({ payment_intent: intent.id });
    expect(refunds.data).toHaveLength(1);
    expect(await deps.payments.store.findById(payment._id)).toMatchObject({
      status: 'refunded',
      refundId: refunds.data[0].id,
    });
    await refundPayment(deps, intent.id, 'again');
    expect((await stripe.refunds.list({ payment_intent: intent.id })).data).toHaveLength(1);
  });
});
