import request from 'supertest';
import {
  Harness,
  confirmationToken,
  eventsOf,
  fakeUser,
  placeOrder,
  startHarness,
  waitFor,
  waitForReplica,
} from '../support/harness';

describe('cleanup on order events', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('payclean');
  }, 30_000);
  afterAll(async () => {
    await h?.stop();
  });

  const pay = async (buyer: ReturnType<typeof fakeUser>, orderId: string, amount: number, card: string) =>
    request(h.url)
      .post('/api/payments/new')
      .set('Authorization', buyer.bearer)
      .send({ orderId, amount, confirmationTokenId: await confirmationToken(h, card) });

  const intentOf = (orderId: string) =>
    h.fake.controls
      .events({ type: 'payment_intent.created' })
      .map((e) => e.data.object as { id: string; metadata: Record<string, string> })
      .find((pi) => pi.metadata.orderId === orderId)!.id;

  it('cancels the open PaymentIntent when the order is cancelled or expires', async () => {
    const buyer = fakeUser();
    const order = await placeOrder(h, buyer);
    const res = await pay(buyer, order.id, order.total, 'pm_card_authenticationRequired');
    expect(res.body.status).toBe('requires_action');
    const intentId = intentOf(order.id);

    await h.publish('order.cancelled', 2, {
      id: order.id,
      userId: buyer.id,
      status: 'expired',
      reason: 'expired',
      tickets: order.tickets,
      version: 2,
    });
    await waitFor(() => h.fake.controls.paymentIntent(intentId)?.status === 'canceled', {
      what: 'PaymentIntent canceled at Stripe',
    });
    await waitForReplica(h, order.id, 2);
    const after = await request(h.url).get(`/api/payments/${res.body.id}`).set('Authorization', buyer.bearer);
    expect(after.body.status).toBe('canceled');
    expect(after.body.clientSecret).toBeUndefined();

    // The customer can no longer finish 3-D Secure on it: nothing is charged.
    const auth = await fetch(`${h.fake.url}/v1/test_helpers/payment_intents/${intentId}/authenticate`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer sk_test_payments_harness',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'outcome=succeed',
    });
    expect(auth.status).toBe(400);
    await h.fake.controls.waitForIdle(10_000);
    expect(eventsOf(h, 'payment.succeeded', order.id)).toHaveLength(0);
  });

  it('records a success instead when the PaymentIntent already succeeded before the cancel', async () => {
    const buyer = fakeUser();
    const order = await placeOrder(h, buyer);
    const res = await pay(buyer, order.id, order.total, 'pm_card_visa');
    expect(res.body.status).toBe('succeeded');
    await h.publish('order.cancelled', 2, {
      id: order.id,
      userId: buyer.id,
      status: 'cancelled',
      reason: 'cancelled',
      tickets: order.tickets,
      version: 2,
    });
    await waitForReplica(h, order.id, 2);
    expect(h.fake.controls.paymentIntent(intentOf(order.id))?.status).toBe('succeeded');
    const after = await request(h.url).get(`/api/payments/${res.body.id}`).set('Authorization', buyer.bearer);
    expect(after.body.status).toBe('succeeded');
  });

  it('refunds a payment that orders rejected, once, when the rejection is delivered twice', async () => {
    const buyer = fakeUser();
    const order = await placeOrder(h, buyer, { expiresAt: new Date(Date.now() + 60_000).toISOString() });
    const res = await pay(buyer, order.id, order.total, 'pm_card_visa');
    expect(res.status).toBe(201);
    const intentId = intentOf(order.id);
    await waitFor(() => eventsOf(h, 'payment.succeeded', order.id).length === 1, { what: 'payment.succeeded' });

    const rejection = {
      orderId: order.id,
      paymentIntentId: intentId,
      amount: order.total,
      reason: 'order expired and a ticket was sold to someone else',
    };
    await Promise.all([
      h.publish('order.payment-rejected', 3, rejection),
      h.publish('order.payment-rejected', 3, rejection),
    ]);
    await waitFor(
      async () =>
        (await request(h.url).get(`/api/payments/${res.body.id}`).set('Authorization', buyer.bearer)).body.status ===
        'refunded',
      {
        what: 'payment refunded',
      },
    );
    const refunds = await h.stripe.refunds.list({ payment_intent: intentId });
    expect(refunds.data).toHaveLength(1);
    expect(refunds.data[0]).toMatchObject({ amount: order.total, status: 'succeeded' });
  });
});
