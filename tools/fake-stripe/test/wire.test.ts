import Stripe from 'stripe';
import { rejectionOf, startHarness, TEST_KEY, type Harness } from './support/harness';

describe('the Stripe wire format', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.fake.close();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${h.fake.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });

  it('throws StripeAuthenticationError for a key that is not a test secret key', async () => {
    const live = new Stripe('sk_live_abcdefghijklmnop1234', { ...h.fake.stripeClientOptions, maxNetworkRetries: 0 });
    const err = await rejectionOf(live.paymentIntents.list());
    expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(err).toMatchObject({ statusCode: 401 });
    expect(err.message).toMatch(/^Invalid API Key provided: sk_live_\*+1234$/);
  });

  it('answers 401 in Stripe shape without a key and accepts basic auth with the key as user', async () => {
    const none = await fetch(`${h.fake.url}/v1/payment_intents`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({
      error: { type: 'invalid_request_error', message: expect.stringMatching(/did not provide an API key/) },
    });
    const basic = await fetch(`${h.fake.url}/v1/payment_intents`, {
      headers: { authorization: `Basic ${Buffer.from(`${TEST_KEY}:`).toString('base64')}` },
    });
    expect(basic.status).toBe(200);
    expect(await basic.json()).toMatchObject({ object: 'list', url: '/v1/payment_intents' });
  });

  it('parses bracket notation, literal or percent-encoded', async () => {
    const res = await post(
      '/v1/payment_intents',
      'amount=1200&currency=USD&metadata%5BorderId%5D=o%2F1&metadata[note]=a+b&payment_method_types[]=card',
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    const pi = (await res.json()) as Record<string, unknown>;
    expect(pi).toMatchObject({
      amount: 1200,
      currency: 'usd',
      metadata: { orderId: 'o/1', note: 'a b' },
      payment_method_types: ['card'],
      automatic_payment_methods: null,
    });
  });

  it('refuses a JSON body and malformed parameters with a 400, never a 500', async () => {
    const json = await post('/v1/payment_intents', '{"amount":1000}', { 'content-type': 'application/json' });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({
      error: { type: 'invalid_request_error', message: expect.stringMatching(/Content-Type/) },
    });
    for (const body of [
      'amount=abc&currency=usd',
      'amount[x]=1&currency=usd',
      'amount=1000&currency=usd&metadata=x',
      'a[b=1',
      '%E0%A4%A=1',
    ]) {
      const res = await post('/v1/payment_intents', body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
    }
  });

  it('answers an unknown URL with 404 Unrecognized request URL', async () => {
    const err = await rejectionOf(h.stripe.rawRequest('GET', '/v1/nothing_here', {}));
    expect(err).toMatchObject({ statusCode: 404 });
    expect(err.message).toMatch(/^Unrecognized request URL \(GET: \/v1\/nothing_here\)/);
  });

  it('lists events filtered by type', async () => {
    const pi = await h.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const events = await h.stripe.events.list({ type: 'payment_intent.created', limit: 1 });
    expect(events.data).toHaveLength(1);
    expect(events.data[0]).toMatchObject({
      type: 'payment_intent.created',
      data: { object: { id: pi.id } },
      pending_webhooks: 0,
    });
    const none = await h.stripe.events.list({ types: ['refund.created'] });
    expect(none.data).toHaveLength(0);
  });
});
