import request from 'supertest';
import {
  Harness,
  confirmationToken,
  eventsOf,
  fakeUser,
  newOrder,
  placeOrder,
  startHarness,
  waitFor,
  waitForReplica,
} from '../support/harness';

describe('POST /api/payments/new', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('paynew');
  }, 30_000);
  afterAll(async () => {
    await h?.stop();
  });

  const pay = (user: ReturnType<typeof fakeUser>, body: Record<string, unknown>) =>
    request(h.url).post('/api/payments/new').set('Authorization', user.bearer).send(body);

  it('charges the order total with a confirmed PaymentIntent and publishes payment.created and payment.succeeded', async () => {
    const buyer = fakeUser();
    const order = await placeOrder(h, buyer);
    const res = await pay(buyer, {
      orderId: order.id,
      amount: order.total,
      confirmationTokenId: await confirmationToken(h, 'pm_card_visa'),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ orderId: order.id, status: 'succeeded', amount: 12_500, currency: 'usd' });
    expect(res.body.clientSecret).toBeUndefined();

    const intents = h.fake.controls
      .events({ type: 'payment_intent.created' })
      .filter((e) => (e.data.object as { metadata: Record<string, string> }).metadata.orderId === order.id);
    expect(intents).toHaveLength(1);
    const intent = intents[0].data.object as { id: string; amount: number; currency: string };
    expect(intent).toMatchObject({ amount: 12_500, currency: 'usd' });

    await waitFor(() => eventsOf(h, 'payment.succeeded', order.id).length === 1, { what: 'payment.succeeded' });
    expect(eventsOf(h, 'payment.created', order.id)).toHaveLength(1);
    expect(eventsOf(h, 'payment.succeeded', order.id)[0].data).toMatchObject({
      id: res.body.id,
      paymentIntentId: intent.id,
      amount: 12_500,
      currency: 'usd',
    });
  });

  it('waits briefly for an order the replica has not seen yet instead of answering 404', async () => {
    const buyer = fakeUser();
    const order = newOrder(buyer);
    const token = await confirmationToken(h, 'pm_card_visa');
    const publishing = new Promise((resolve) => setTimeout(resolve, 300)).then(() =>
      h.publish('order.created', 1, order),
    );
    const res = await pay(buyer, { orderId: order.id, amount: order.total, confirmationTokenId: token });
    await publishing;
    expect(res.status).toBe(201);
  });

  it('answers 400 when the amount is not the order total, and charges nothing', async () => {
    const buyer = fakeUser();
    const order = await placeOrder(h, buyer);
    const res = await pay(buyer, {
      orderId: order.id,
      amount: order.total - 1,
      confirmationTokenId: await confirmationToken(h, 'pm_card_visa'),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'amount' });
    expect(res.body.errors[0].message).toContain('12500');
    const list = await request(h.url).get(`/api/payments/order/${order.id}`).set('Authorization', buyer.bearer);
    expect(list.body.items).toEqual([]);
  });

  it('answers 400 for a malformed body', async () => {
    const buyer = fakeUser();
    const res = await pay(buyer, { orderId: 'nope', amount: 1.5, confirmationTokenId: 'pm_card_visa' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'amount',
      'confirmationTokenId',
      'orderId',
    ]);
  });

  it("answers 404 for a stranger's order, and 404 for an unknown one after the replica wait", async () => {
    const buyer = fakeUser();
    const stranger = fakeUser();
    const order = await placeOrder(h, buyer);
    const token = await confirmationToken(h, 'pm_card_visa');
    const res = await pay(stranger, { orderId: order.id, amount: order.total, confirmationTokenId: token });
    expect(res.status).toBe(404);
    const unknown = await pay(buyer, { orderId: newOrder(buyer).id, amount: 100, confirmationTokenId: token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].message).toBe(res.body.errors[0].message);
  });

  it('answers 401 without a signed-in user', async () => {
    const res = await request(h.url).post('/api/payments/new').send({});
    expect(res.status).toBe(401);
  });

  it('answers 409 for a cancelled order', async () => {
    const buyer = fakeUser();
    const order = await placeOrder(h, buyer);
    await h.publish('order.cancelled', 2, {
      id: order.id,
      userId: buyer.id,
      status: 'cancelled',
      reason: 'cancelled',
      tickets: order.tickets,
      version: 2,
    });
    await waitForReplica(h, order.id, 2);
    const res = await pay(buyer, {
      orderId: order.id,
      amount: order.total,
      confirmationTokenId: await confirmationToken(h, 'pm_card_visa'),
    });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].message).toMatch(/cancelled/);
  });

  it('answers 409 for an order past its expiresAt, even before the orders service expired it', async () => {
    const buyer = fakeUser();
    const order = await placeOrder(h, buyer, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    const res = await pay(buyer, {
      orderId: order.id,
      amount: order.total,
      confirmationTokenId: await confirmationToken(h, 'pm_card_visa'),
    });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].message).toMatch(/expired/);
  });

  it('answers 409 for an order that is already paid', async () => {
    const buyer = fakeUser();
    const order = await placeOrder(h, buyer);
    const first = await pay(buyer, {
      orderId: order.id,
      amount: order.total,
      confirmationTokenId: await confirmationToken(h, 'pm_card_visa'),
    });
    expect(first.status).toBe(201);
    const again = await pay(buyer, {
      orderId: order.id,
      amount: order.total,
      confirmationTokenId: await confirmationToken(h, 'pm_card_visa'),
    });
    expect(again.status).toBe(409);
  });

  it('answers 402 for a declined card, records the failed attempt, and a retry with pm_card_visa succeeds', async () => {
    const buyer = fakeUser();
    const order = await placeOrder(h, buyer);
    const declined = await pay(buyer, {
      orderId: order.id,
      amount: order.total,
      confirmationTokenId: await confirmationToken(h, 'pm_card_chargeDeclined'),
    });
    expect(declined.status).toBe(402);
    expect(declined.body.errors[0].message).toBe('Your card was declined.');
    expect(declined.body.payment).toMatchObject({
      orderId: order.id,
      status: 'failed',
      failureMessage: 'Your card was declined.',
    });

    const retry = await pay(buyer, {
      orderId: order.id,
      amount: order.total,
      confirmationTokenId: await confirmationToken(h, 'pm_card_visa'),
    });
    expect(retry.status).toBe(201);
    expect(retry.body.status).toBe('succeeded');
    expect(retry.body.id).not.toBe(declined.body.payment.id);

    const list = await request(h.url).get(`/api/payments/order/${order.id}`).set('Authorization', buyer.bearer);
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { status: string }) => p.status)).toEqual(['failed', 'succeeded']);

    // The decline's own webhook (payment_intent.payment_failed) must not announce the failure again.
    await h.fake.controls.waitForIdle(10_000);
    await waitFor(() => eventsOf(h, 'payment.succeeded', order.id).length === 1, { what: 'payment.succeeded' });
    expect(eventsOf(h, 'payment.failed', order.id)).toHaveLength(1);
    expect(eventsOf(h, 'payment.failed', order.id)[0].data).toMatchObject({
      id: declined.body.payment.id,
      message: 'Your card was declined.',
    });
  });

  it('answers 201 with the client secret when 3-D Secure is needed, then the authenticate helper and its webhook complete the payment', async () => {
    const buyer = fakeUser();
    const order = await placeOrder(h, buyer);
    const res = await pay(buyer, {
      orderId: order.id,
      amount: order.total,
      confirmationTokenId: await confirmationToken(h, 'pm_card_authenticationRequired'),
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('requires_action');
    expect(res.body.clientSecret).toMatch(/^pi_.+_secret_/);
    await waitFor(() => eventsOf(h, 'payment.created', order.id).length === 1, { what: 'payment.created' });
    expect(eventsOf(h, 'payment.succeeded', order.id)).toHaveLength(0);

    const intentId = (res.body.clientSecret as string).split('_secret_')[0];
    const auth = await fetch(`${h.fake.url}/v1/test_helpers/payment_intents/${intentId}/authenticate`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${'sk_test_payments_harness'}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'outcome=succeed',
    });
    expect(auth.status).toBe(200);

    await waitFor(() => eventsOf(h, 'payment.succeeded', order.id).length === 1, {
      what: 'payment.succeeded from the webhook',
    });
    const after = await request(h.url).get(`/api/payments/${res.body.id}`).set('Authorization', buyer.bearer);
    expect(after.body).toMatchObject({ status: 'succeeded' });
    expect(after.body.clientSecret).toBeUndefined();
  });

  it('returns the payment in flight to a repeated call instead of charging again', async () => {
    const buyer = fakeUser();
    const order = await placeOrder(h, buyer);
    const first = await pay(buyer, {
      orderId: order.id,
      amount: order.total,
      confirmationTokenId: await confirmationToken(h, 'pm_card_authenticationRequired'),
    });
    expect(first.status).toBe(201);
    const again = await pay(buyer, {
      orderId: order.id,
      amount: order.total,
      confirmationTokenId: await confirmationToken(h, 'pm_card_visa'),
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const intents = h.fake.controls
      .events({ type: 'payment_intent.created' })
      .filter((e) => (e.data.object as { metadata: Record<string, string> }).metadata.orderId === order.id);
    expect(intents).toHaveLength(1);
  });

  it('creates one PaymentIntent when the buyer pays from several tabs at once', async () => {
    const buyer = fakeUser();
    const order = await placeOrder(h, buyer);
    const tokens = await Promise.all([1, 2, 3, 4, 5].map(() => confirmationToken(h, 'pm_card_visa')));
    const answers = await Promise.all(
      tokens.map((t) => pay(buyer, { orderId: order.id, amount: order.total, confirmationTokenId: t })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 200 || s === 409)).toBe(true);
    const intents = h.fake.controls
      .events({ type: 'payment_intent.created' })
      .filter((e) => (e.data.object as { metadata: Record<string, string> }).metadata.orderId === order.id);
    expect(intents).toHaveLength(1);
    await waitFor(() => eventsOf(h, 'payment.succeeded', order.id).length === 1, { what: 'payment.succeeded' });
    const list = await request(h.url).get(`/api/payments/order/${order.id}`).set('Authorization', buyer.bearer);
    expect(list.body.items).toHaveLength(1);
  });

  it("lists an order's attempts only to its owner", async () => {
    const buyer = fakeUser();
    const order = await placeOrder(h, buyer);
    const res = await request(h.url).get(`/api/payments/order/${order.id}`).set('Authorization', fakeUser().bearer);
    expect(res.status).toBe(404);
    const malformed = await request(h.url).get('/api/payments/order/not-an-id').set('Authorization', buyer.bearer);
    expect(malformed.status).toBe(404);
  });

  it('gives test ConfirmationTokens for test cards (the fake has no Stripe.js), and 400 for other input', async () => {
    const buyer = fakeUser();
    const ok = await request(h.url)
      .post('/api/payments/test/confirmation-tokens')
      .set('Authorization', buyer.bearer)
      .send({ paymentMethod: 'pm_card_visa' });
    expect(ok.status).toBe(201);
    expect(ok.body.id).toMatch(/^ctoken_/);
    const bad = await request(h.url)
      .post('/api/payments/test/confirmation-tokens')
      .set('Authorization', buyer.bearer)
      .send({ paymentMethod: 'tok_visa' });
    expect(bad.status).toBe(400);
  });
});
