import { Envelope } from '@bigtix/common';
import { Isolation, fakeUser, isolate } from '@bigtix/testkit';
import mongoose, { Connection, Types } from 'mongoose';
import { advancePayment } from '../../src/domain/advance-payment';
import { Payment, PaymentCollections, ensurePaymentIndexes, paymentCollections } from '../../src/models/payment';

describe('advancePayment', () => {
  let iso: Isolation;
  let db: Connection;
  let payments: PaymentCollections;

  beforeAll(async () => {
    iso = isolate('payadvance');
    db = await mongoose.createConnection(iso.mongoUrl('payments')).asPromise();
    payments = paymentCollections(db);
    await ensurePaymentIndexes(payments);
  });
  afterAll(async () => {
    await db?.close();
    await iso?.cleanup();
  });

  async function pendingPayment(): Promise<Payment> {
    const orderId = new Types.ObjectId().toHexString();
    const now = new Date().toISOString();
    const payment: Payment = {
      _id: new Types.ObjectId().toHexString(),
      version: 1,
      orderId,
      userId: fakeUser().id,
      attempt: 1,
      attemptKey: `${orderId}#1`,
      amount: 9_900,
      currency: 'usd',
      status: 'pending',
      confirmationTokenId: 'ctoken_x',
      paymentIntentId: null,
      clientSecret: null,
      failureMessage: null,
      refundId: null,
      createdAt: now,
      updatedAt: now,
    };
    await payments.store.createMany([payment], () => []);
    return payment;
  }

  async function eventTypes(paymentId: string): Promise<string[]> {
    const changes = await payments.store.changes.find({ aggregateId: paymentId }).toArray();
    return changes
      .sort((a, b) => (a.version as number) - (b.version as number))
      .flatMap((c) => (c.events as Envelope[]).map((e) => e.type));
  }

  it('keeps the client secret when the webhook recorded requires_action before the create answer', async () => {
    const p = await pendingPayment();
    await advancePayment(payments.store, p._id, { status: 'requires_action', paymentIntentId: 'pi_1' });
    const stored = await advancePayment(payments.store, p._id, {
      status: 'requires_action',
      paymentIntentId: 'pi_1',
      clientSecret: 'pi_1_secret_x',
    });
    expect(stored).toMatchObject({ status: 'requires_action', clientSecret: 'pi_1_secret_x' });
    expect(await eventTypes(p._id)).toEqual(['payment.created']);
  });

  it('announces each outcome once, whatever order and how often it is reported', async () => {
    const p = await pendingPayment();
    const reports = [
      { status: 'succeeded' as const, paymentIntentId: 'pi_2' },
      { status: 'requires_action' as const, paymentIntentId: 'pi_2' },
      { status: 'failed' as const, paymentIntentId: 'pi_2', failureMessage: 'late failure' },
      { status: 'succeeded' as const, paymentIntentId: 'pi_2' },
    ];
    await Promise.all([...reports, ...reports].map((r) => advancePayment(payments.store, p._id, r)));
    expect(await payments.store.findById(p._id)).toMatchObject({ status: 'succeeded' });
    const types = await eventTypes(p._id);
    expect(types.filter((t) => t === 'payment.succeeded')).toHaveLength(1);
    expect(types.filter((t) => t === 'payment.created').length).toBeLessThanOrEqual(1);
  });

  it('lets a failed payment succeed later (Stripe allows it), but never the reverse', async () => {
    const p = await pendingPayment();
    await advancePayment(payments.store, p._id, {
      status: 'failed',
      paymentIntentId: 'pi_3',
      failureMessage: 'Your card was declined.',
    });
    await advancePayment(payments.store, p._id, { status: 'succeeded', paymentIntentId: 'pi_3' });
    await advancePayment(payments.store, p._id, { status: 'failed', paymentIntentId: 'pi_3' });
    expect(await payments.store.findById(p._id)).toMatchObject({ status: 'succeeded' });
    expect(await eventTypes(p._id)).toEqual(['payment.failed', 'payment.succeeded']);
  });

  it("ignores an outcome for another PaymentIntent than the attempt's", async () => {
    const p = await pendingPayment();
    await advancePayment(payments.store, p._id, { status: 'requires_action', paymentIntentId: 'pi_4' });
    await advancePayment(payments.store, p._id, { status: 'succeeded', paymentIntentId: 'pi_other' });
    expect(await payments.store.findById(p._id)).toMatchObject({ status: 'requires_action', paymentIntentId: 'pi_4' });
  });

  it('publishes no payment.failed for a request Stripe refused before any PaymentIntent existed', async () => {
    const p = await pendingPayment();
    await advancePayment(payments.store, p._id, { status: 'failed', failureMessage: 'No such confirmation token' });
    expect(await payments.store.findById(p._id)).toMatchObject({
      status: 'failed',
      failureMessage: 'No such confirmation token',
    });
    expect(await eventTypes(p._id)).toEqual([]);
  });
});
