import Stripe from 'stripe';
import { rejectionOf, startHarness, type Harness } from './support/harness';

describe('Idempotency-Key', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.fake.close();
  });
  beforeEach(() => h.fake.controls.reset());

  const params = { amount: 4200, currency: 'usd', metadata: { orderId: 'o-idem' } };

  it('replays the first result for the same key and parameters and creates one intent', async () => {
    const first = await h.stripe.paymentIntents.create(params, { idempotencyKey: 'order-o-idem-attempt-1' });
    const second = await h.stripe.paymentIntents.create(params, { idempotencyKey: 'order-o-idem-attempt-1' });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    const list = await h.stripe.paymentIntents.list({ limit: 100 });
    expect(list.data.map((p) => p.id)).toEqual([first.id]);
    expect(h.fake.controls.events({ type: 'payment_intent.created' })).toHaveLength(1);
  });

  it('answers the same key with other parameters with a 400 idempotency_error', async () => {
    await h.stripe.paymentIntents.create(params, { idempotencyKey: 'k-conflict' });
    const err = await rejectionOf(
      h.stripe.paymentIntents.create({ ...params, amount: 4300 }, { idempotencyKey: 'k-conflict' }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err).toMatchObject({ statusCode: 400, type: 'StripeIdempotencyError', rawType: 'idempotency_error' });
    expect(err.message).toMatch(/same parameters/);
  });

  it('answers the same key on another endpoint with a 400 idempotency_error', async () => {
    const pi = await h.stripe.paymentIntents.create(params, { idempotencyKey: 'k-endpoint' });
    const err = await rejectionOf(h.stripe.paymentIntents.cancel(pi.id, {}, { idempotencyKey: 'k-endpoint' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err.message).toMatch(/same endpoint/);
  });

  it('replays a 402 for a retried confirm with the same key', async () => {
    const token = await h.stripe.testHelpers.confirmationTokens.create({
      payment_method: 'pm_card_chargeDeclined',
      return_url: 'https://bigtix.test/r',
    });
    const create = () =>
      h.stripe.paymentIntents.create(
        { amount: 1000, currency: 'usd', confirm: true, confirmation_token: token.id },
        { idempotencyKey: 'k-402' },
      );
    const first = await rejectionOf(create());
    const second = await rejectionOf(create());
    expect(second).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect((second.payment_intent as Stripe.PaymentIntent).id).toBe((first.payment_intent as Stripe.PaymentIntent).id);
    expect((second.headers as Record<string, string>)['idempotent-replayed']).toBe('true');
    expect((await h.stripe.paymentIntents.list({ limit: 100 })).data).toHaveLength(1);
    expect((await h.stripe.charges.list({ limit: 100 })).data).toHaveLength(1);
  });

  it('does not save a validation error, so the key can be used once the request is fixed', async () => {
    const bad = await rejectionOf(
      h.stripe.paymentIntents.create({ amount: 10, currency: 'usd' }, { idempotencyKey: 'k-fix' }),
    );
    expect(bad).toMatchObject({ code: 'amount_too_small' });
    const good = await h.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' }, { idempotencyKey: 'k-fix' });
    expect(good.amount).toBe(1000);
  });

  it('uses a fresh key for every POST the client sends without one', async () => {
    const a = await h.stripe.paymentIntents.create(params);
    const b = await h.stripe.paymentIntents.create(params);
    expect(a.id).not.toBe(b.id);
  });
});
