import Stripe from 'stripe';
import { confirmedPaymentIntent, rejectionOf, startHarness, waitFor, type Harness } from './support/harness';
import { startReceiver } from './support/receiver';

const SECRET = 'whsec_test_fake_stripe';

describe('webhooks', () => {
  let h: Harness;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let failFirst = 0;

  beforeAll(async () => {
    receiver = await startReceiver((n) => (n <= failFirst ? 500 : 200));
    h = await startHarness({
      webhookUrl: receiver.url,
      webhookSecret: SECRET,
      webhookRetryBaseMs: 20,
      webhookMaxAttempts: 3,
    });
  });
  afterAll(async () => {
    await h.fake.close();
    await receiver.close();
  });
  beforeEach(() => {
    h.fake.controls.reset();
    receiver.received.length = 0;
    failFirst = 0;
  });

  const verified = () =>
    receiver.received
      .filter((r) => r.status === 200)
      .map((r) => h.stripe.webhooks.constructEvent(r.body, r.headers['stripe-signature'] as string, SECRET));

  it('delivers signed events that stripe.webhooks.constructEvent accepts', async () => {
    const pi = await confirmedPaymentIntent(h.stripe, 'pm_card_visa');
    await h.fake.controls.waitForIdle();
    const events = verified();
    expect(events.map((e) => e.type).sort()).toEqual(
      ['charge.succeeded', 'payment_intent.created', 'payment_intent.succeeded'].sort(),
    );
    const succeeded = events.find((e) => e.type === 'payment_intent.succeeded') as Stripe.PaymentIntentSucceededEvent;
    expect(succeeded).toMatchObject({
      object: 'event',
      livemode: false,
      api_version: expect.any(String),
      request: { id: expect.stringMatching(/^req_/), idempotency_key: expect.any(String) },
    });
    expect(succeeded.id).toMatch(/^evt_/);
    expect(succeeded.data.object).toMatchObject({ id: pi.id, status: 'succeeded', metadata: { orderId: 'order_1' } });
    expect(receiver.received[0].headers['content-type']).toMatch(/^application\/json/);

    const fetched = await h.stripe.events.retrieve(succeeded.id);
    expect(fetched).toMatchObject({ id: succeeded.id, type: 'payment_intent.succeeded', pending_webhooks: 0 });
  });

  it('rejects a tampered body or a wrong secret at verification', async () => {
    await confirmedPaymentIntent(h.stripe, 'pm_card_visa');
    await h.fake.controls.waitForIdle();
    const { body, headers } = receiver.received[0];
    const signature = headers['stripe-signature'] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(() =>
      h.stripe.webhooks.constructEvent(body.replace('"livemode": false', '"livemode": true'), signature, SECRET),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => h.stripe.webhooks.constructEvent(body, signature, 'whsec_other')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it('sends payment_failed, requires_action, canceled and refund events with snapshots', async () => {
    await rejectionOf(confirmedPaymentIntent(h.stripe, 'pm_card_chargeDeclined'));
    const threeDs = await confirmedPaymentIntent(h.stripe, 'pm_card_authenticationRequired');
    await h.stripe.paymentIntents.cancel(threeDs.id);
    const paid = await confirmedPaymentIntent(h.stripe, 'pm_card_visa');
    await h.stripe.refunds.create({ payment_intent: paid.id, amount: 500 });
    await h.fake.controls.waitForIdle();
    const byType = new Map(verified().map((e) => [e.type, e]));
    expect(byType.get('payment_intent.payment_failed')?.data.object).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { code: 'card_declined' },
    });
    expect(byType.get('payment_intent.requires_action')?.data.object).toMatchObject({ status: 'requires_action' });
    expect(byType.get('payment_intent.canceled')?.data.object).toMatchObject({ id: threeDs.id, status: 'canceled' });
    expect(byType.get('refund.created')?.data.object).toMatchObject({ object: 'refund', amount: 500 });
    expect(byType.get('charge.refunded')?.data).toMatchObject({
      object: { object: 'charge', amount_refunded: 500 },
      previous_attributes: { amount_refunded: 0 },
    });
  });

  it('retries a failing endpoint and delivers on the third attempt', async () => {
    failFirst = 2;
    h.fake.controls.setWebhook({ enabledEvents: ['payment_intent.created'] });
    try {
      const pi = await h.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
      await h.fake.controls.waitForIdle();
      const [delivery] = h.fake.controls.deliveries({ type: 'payment_intent.created' });
      expect(delivery.status).toBe('succeeded');
      expect(delivery.attempts.map((a) => a.statusCode)).toEqual([500, 500, 200]);
      expect(receiver.received).toHaveLength(3);
      const [event] = verified();
      expect((event.data.object as Stripe.PaymentIntent).id).toBe(pi.id);
    } finally {
      h.fake.controls.setWebhook({ enabledEvents: ['*'] });
    }
  });

  it('gives up after the configured attempts and records connection errors', async () => {
    h.fake.controls.setWebhook({ url: 'http://127.0.0.1:1/unreachable', enabledEvents: ['payment_intent.created'] });
    try {
      await h.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
      await h.fake.controls.waitForIdle();
      const [delivery] = h.fake.controls.deliveries();
      expect(delivery.status).toBe('failed');
      expect(delivery.attempts).toHaveLength(3);
      expect(delivery.attempts.every((a) => a.statusCode === null && a.error)).toBe(true);
      const event = await h.stripe.events.retrieve(delivery.eventId);
      expect(event.pending_webhooks).toBe(1);
    } finally {
      h.fake.controls.setWebhook({ url: receiver.url, enabledEvents: ['*'] });
    }
  });

  it('holds deliveries while paused and sends them on resume', async () => {
    h.fake.controls.pauseWebhooks();
    const pi = await confirmedPaymentIntent(h.stripe, 'pm_card_visa');
    await waitFor(() => h.fake.controls.deliveries({ status: 'pending' }).length === 3);
    expect(receiver.received).toHaveLength(0);
    h.fake.controls.resumeWebhooks();
    await h.fake.controls.waitForIdle();
    expect(verified().find((e) => e.type === 'payment_intent.succeeded')?.data.object).toMatchObject({ id: pi.id });
  });

  it('re-delivers an event on request, with the same event id', async () => {
    await h.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    await h.fake.controls.waitForIdle();
    const [first] = verified();
    const delivery = h.fake.controls.redeliver(first.id);
    expect(delivery.redelivery).toBe(true);
    await h.fake.controls.waitForIdle();
    const ids = verified().map((e) => e.id);
    expect(ids.filter((id) => id === first.id)).toHaveLength(2);
  });

  it('serves the same controls over HTTP under /__control', async () => {
    const control = (path: string, init?: RequestInit) => fetch(`${h.fake.url}/__control${path}`, init);
    expect((await control('/webhooks/pause', { method: 'POST' })).status).toBe(200);
    await h.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const pending = await waitFor(async () => {
      const body = (await (await control('/deliveries?status=pending')).json()) as { items: { eventId: string }[] };
      return body.items.length === 1 && body;
    });
    expect(receiver.received).toHaveLength(0);
    await control('/webhooks/resume', { method: 'POST' });
    await waitFor(() => receiver.received.length === 1);

    const redeliver = await control(`/events/${pending.items[0].eventId}/redeliver`, { method: 'POST' });
    expect(redeliver.status).toBe(201);
    await waitFor(() => receiver.received.length === 2);
    expect((await control('/events/evt_nope/redeliver', { method: 'POST' })).status).toBe(404);

    const config = await control('/webhooks', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret: 'whsec_rotated' }),
    });
    expect(await config.json()).toMatchObject({ url: receiver.url, secret: 'whsec_rotated', paused: false });
    await h.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    await waitFor(() => receiver.received.length === 3);
    const last = receiver.received[2];
    expect(
      h.stripe.webhooks.constructEvent(last.body, last.headers['stripe-signature'] as string, 'whsec_rotated').type,
    ).toBe('payment_intent.created');
    await control('/webhooks', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret: SECRET }),
    });

    expect((await control('/reset', { method: 'POST' })).status).toBe(200);
    expect((await h.stripe.paymentIntents.list()).data).toHaveLength(0);
    expect(
      (
        await control('/webhooks', {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: '{"url": 5}',
        })
      ).status,
    ).toBe(400);
  });
});
