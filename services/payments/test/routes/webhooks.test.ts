import Stripe from 'stripe';
import request from 'supertest';
import {
  Harness,
  WEBHOOK_SECRET,
  confirmationToken,
  eventsOf,
  fakeUser,
  placeOrder,
  startHarness,
  waitFor,
} from '../support/harness';

const signer = new Stripe('sk_test_signer');

function signedEvent(payload: string, secret = WEBHOOK_SECRET): string {
  return signer.webhooks.generateTestHeaderString({ payload, secret });
}

function intentEvent(type: string, intent: Record<string, unknown>): string {
  return JSON.stringify({
    id: `evt_test_${Math.random().toString(36).slice(2)}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: { object: 'payment_intent', ...intent } },
  });
}

describe('POST /api/webhooks/stripe', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('payhook');
  }, 30_000);
  afterAll(async () => {
    await h?.stop();
  });

  const post = (body: string, signature?: string) => {
    const req = request(h.url).post('/api/webhooks/stripe').set('Content-Type', 'application/json; charset=utf-8');
    if (signature) req.set('Stripe-Signature', signature);
    return req.send(body);
  };

  it('answers 400 to an unsigned event', async () => {
    const res = await post(intentEvent('payment_intent.succeeded', { id: 'pi_unsigned', metadata: {} }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/Stripe-Signature/);
  });

  it('answers 400 to an event signed with another secret, or changed after signing', async () => {
    const body = intentEvent('payment_intent.succeeded', { id: 'pi_forged', metadata: {} });
    const wrongSecret = await post(body, signedEvent(body, 'whsec_not_ours'));
    expect(wrongSecret.status).toBe(400);
    expect(wrongSecret.body.errors[0].message).toBe('Invalid Stripe signature');
    const tampered = await post(body.replace('pi_forged', 'pi_f0rged'), signedEvent(body));
    expect(tampered.status).toBe(400);
    const garbage = await post(body, 't=1,v1=deadbeef');
    expect(garbage.status).toBe(400);
  });

  it('answers 200 to a signed event about a PaymentIntent it does not know, and changes nothing', async () => {
    const body = intentEvent('payment_intent.succeeded', {
      id: 'pi_someone_elses',
      amount: 100,
      currency: 'usd',
      metadata: {},
    });
    const res = await post(body, signedEvent(body));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: true, outcome: 'ignored' });
  });

  it('publishes one payment.succeeded for an event delivered ten times', async () => {
    const buyer = fakeUser();
    const order = await placeOrder(h, buyer);
    const res = await request(h.url)
      .post('/api/payments/new')
      .set('Authorization', buyer.bearer)
      .send({
        orderId: order.id,
        amount: order.total,
        confirmationTokenId: await confirmationToken(h, 'pm_card_threeDSecure2Required'),
      });
    expect(res.status).toBe(201);
    const intentId = (res.body.clientSecret as string).split('_secret_')[0];

    h.fake.controls.pauseWebhooks();
    h.fake.controls.authenticatePaymentIntent(intentId, 'succeed');
    const [succeeded] = h.fake.controls
      .events({ type: 'payment_intent.succeeded' })
      .filter((e) => (e.data.object as { id: string }).id === intentId);
    for (let i = 0; i < 9; i++) h.fake.controls.redeliver(succeeded.id);
    h.fake.controls.resumeWebhooks();
    await h.fake.controls.waitForIdle(15_000);

    const deliveries = h.fake.controls.deliveries({ eventId: succeeded.id });
    expect(deliveries).toHaveLength(10);
    expect(deliveries.every((d) => d.status === 'succeeded' && d.attempts[0].statusCode === 200)).toBe(true);
    await waitFor(() => eventsOf(h, 'payment.succeeded', order.id).length >= 1, { what: 'payment.succeeded' });
    // Let the relay run several more passes: a duplicate would show up by now.
    await waitFor(async () => (await h.service.relay.runOnce()) === 0 && (await h.service.relay.runOnce()) === 0, {
      what: 'relay drained',
    });
    expect(eventsOf(h, 'payment.succeeded', order.id)).toHaveLength(1);
  });

  it('never turns a succeeded payment into a failed one when events arrive out of order', async () => {
    const buyer = fakeUser();
    const order = await placeOrder(h, buyer);
    const res = await request(h.url)
      .post('/api/payments/new')
      .set('Authorization', buyer.bearer)
      .send({
        orderId: order.id,
        amount: order.total,
        confirmationTokenId: await confirmationToken(h, 'pm_card_visa'),
      });
    expect(res.body.status).toBe('succeeded');
    const intent = h.fake.controls.paymentIntent(
      h.fake.controls
        .events({ type: 'payment_intent.created' })
        .map((e) => e.data.object as { id: string; metadata: Record<string, string> })
        .find((pi) => pi.metadata.orderId === order.id)!.id,
    )!;

    const late = intentEvent('payment_intent.payment_failed', {
      id: intent.id,
      amount: order.total,
      currency: 'usd',
      status: 'requires_payment_method',
      metadata: intent.metadata,
      last_payment_error: { message: 'Your card was declined.' },
    });
    const answer = await post(late, signedEvent(late));
    expect(answer.status).toBe(200);
    const after = await request(h.url).get(`/api/payments/${res.body.id}`).set('Authorization', buyer.bearer);
    expect(after.body.status).toBe('succeeded');
    await h.fake.controls.waitForIdle(10_000);
    await h.service.relay.runOnce();
    expect(eventsOf(h, 'payment.failed', order.id)).toHaveLength(0);
    expect(eventsOf(h, 'payment.succeeded', order.id)).toHaveLength(1);
  });
});
