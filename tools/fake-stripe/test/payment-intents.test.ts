import Stripe from 'stripe';
import { confirmedPaymentIntent, rejectionOf, startHarness, type Harness } from './support/harness';

describe('PaymentIntents through the official stripe client', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.fake.close();
  });

  it('creates a ConfirmationToken from a test PaymentMethod and reads it back', async () => {
    const token = await h.stripe.testHelpers.confirmationTokens.create({
      payment_method: 'pm_card_mastercard',
      return_url: 'https://bigtix.test/return',
    });
    expect(token).toMatchObject({
      object: 'confirmation_token',
      livemode: false,
      return_url: 'https://bigtix.test/return',
      payment_intent: null,
      payment_method_preview: { type: 'card', card: { brand: 'mastercard', last4: '4444' } },
    });
    expect(token.id).toMatch(/^ctoken_/);
    expect(token.expires_at).toBe(token.created + 12 * 3600);
    const again = await h.stripe.confirmationTokens.retrieve(token.id);
    expect(again.id).toBe(token.id);
  });

  it('confirms a visa payment at creation: succeeded with a charge and the amount received', async () => {
    const pi = await confirmedPaymentIntent(h.stripe, 'pm_card_visa');
    expect(pi).toMatchObject({
      object: 'payment_intent',
      status: 'succeeded',
      amount: 2500,
      amount_received: 2500,
      currency: 'usd',
      metadata: { orderId: 'order_1' },
      last_payment_error: null,
      next_action: null,
    });
    expect(pi.id).toMatch(/^pi_/);
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`));
    expect(pi.latest_charge).toMatch(/^ch_/);
    expect(pi.payment_method).toMatch(/^pm_/);

    const expanded = await h.stripe.paymentIntents.retrieve(pi.id, { expand: ['latest_charge'] });
    const charge = expanded.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({
      object: 'charge',
      status: 'succeeded',
      paid: true,
      amount: 2500,
      payment_intent: pi.id,
    });
  });

  it('answers a declined card with StripeCardError and leaves the intent requiring a payment method', async () => {
    const err = await rejectionOf(confirmedPaymentIntent(h.stripe, 'pm_card_chargeDeclined'));
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline' });
    const piId = (err.payment_intent as Stripe.PaymentIntent).id;
    const pi = await h.stripe.paymentIntents.retrieve(piId);
    expect(pi.status).toBe('requires_payment_method');
    expect(pi.payment_method).toBeNull();
    expect(pi.last_payment_error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
    });
  });

  it('declines pm_card_visa_chargeDeclinedInsufficientFunds with insufficient_funds', async () => {
    const err = await rejectionOf(confirmedPaymentIntent(h.stripe, 'pm_card_visa_chargeDeclinedInsufficientFunds'));
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err.decline_code).toBe('insufficient_funds');
  });

  it('lets a declined intent be confirmed again with a new token', async () => {
    const err = await rejectionOf(confirmedPaymentIntent(h.stripe, 'pm_card_chargeDeclined'));
    const piId = (err.payment_intent as Stripe.PaymentIntent).id;
    const token = await h.stripe.testHelpers.confirmationTokens.create({
      payment_method: 'pm_card_visa',
      return_url: 'https://bigtix.test/r',
    });
    const pi = await h.stripe.paymentIntents.confirm(piId, { confirmation_token: token.id });
    expect(pi.status).toBe('succeeded');
    expect(pi.last_payment_error).toBeNull();
  });

  it('asks for 3-D Secure and succeeds once the customer authenticates', async () => {
    const pi = await confirmedPaymentIntent(h.stripe, 'pm_card_authenticationRequired');
    expect(pi.status).toBe('requires_action');
    expect(pi.next_action?.type).toBe('use_stripe_sdk');
    expect(pi.client_secret).toMatch(/^pi_\w+_secret_\w+$/);
    expect(pi.latest_charge).toBeNull();

    const done = (await h.stripe.rawRequest('POST', `/v1/test_helpers/payment_intents/${pi.id}/authenticate`, {
      outcome: 'succeed',
    })) as unknown as Stripe.PaymentIntent;
    expect(done.status).toBe('succeeded');
    const after = await h.stripe.paymentIntents.retrieve(pi.id);
    expect(after).toMatchObject({ status: 'succeeded', amount_received: 2500, next_action: null });
  });

  it('returns to requires_payment_method when 3-D Secure fails', async () => {
    const pi = await confirmedPaymentIntent(h.stripe, 'pm_card_authenticationRequired');
    const failed = h.fake.controls.authenticatePaymentIntent(pi.id, 'fail');
    expect(failed.status).toBe('requires_payment_method');
    expect(failed.last_payment_error?.code).toBe('payment_intent_authentication_failure');
    const err = await rejectionOf(
      h.stripe.rawRequest('POST', `/v1/test_helpers/payment_intents/${pi.id}/authenticate`, { outcome: 'succeed' }),
    );
    expect(err).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
  });

  it('rejects a missing amount with param "amount" and creates nothing', async () => {
    const before = (await h.stripe.paymentIntents.list({ limit: 100 })).data.length;
    const err = await rejectionOf(
      h.stripe.paymentIntents.create({ currency: 'usd' } as unknown as Stripe.PaymentIntentCreateParams),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'amount' });
    expect((await h.stripe.paymentIntents.list({ limit: 100 })).data.length).toBe(before);
  });

  it('rejects an amount under the currency minimum as amount_too_small', async () => {
    const err = await rejectionOf(h.stripe.paymentIntents.create({ amount: 49, currency: 'usd' }));
    expect(err).toMatchObject({ statusCode: 400, code: 'amount_too_small', param: 'amount' });
    expect(err.message).toBe('Amount must be at least $0.50 usd');
  });

  it('rejects unknown parameters, as Stripe does', async () => {
    const err = await rejectionOf(
      h.stripe.paymentIntents.create({ amount: 1000, currency: 'usd', amout: 5 } as Stripe.PaymentIntentCreateParams),
    );
    expect(err).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'amout' });
  });

  it('refuses to confirm with an unknown, a used or an expired ConfirmationToken', async () => {
    const unknown = await rejectionOf(
      h.stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        confirm: true,
        confirmation_token: 'ctoken_nope',
        return_url: 'https://bigtix.test/r',
      }),
    );
    expect(unknown).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'confirmation_token' });

    const token = await h.stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_visa' });
    const params = {
      amount: 1000,
      currency: 'usd',
      confirm: true,
      confirmation_token: token.id,
      return_url: 'https://bigtix.test/r',
    };
    await h.stripe.paymentIntents.create(params);
    const used = await rejectionOf(h.stripe.paymentIntents.create(params));
    expect(used).toMatchObject({ statusCode: 400, code: 'token_already_used', param: 'confirmation_token' });

    const old = await h.stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_visa' });
    h.fake.controls.advanceClock(12 * 3600 + 1);
    const expired = await rejectionOf(h.stripe.paymentIntents.create({ ...params, confirmation_token: old.id }));
    expect(expired).toMatchObject({ statusCode: 400, param: 'confirmation_token' });
    expect(expired.message).toMatch(/expired/);
  });

  it('requires a return_url when automatic payment methods may redirect, unless redirects are off', async () => {
    const token = await h.stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_visa' });
    const err = await rejectionOf(
      h.stripe.paymentIntents.create({ amount: 1000, currency: 'usd', confirm: true, confirmation_token: token.id }),
    );
    expect(err).toMatchObject({ statusCode: 400, param: 'return_url' });
    const pi = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      confirm: true,
      confirmation_token: token.id,
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    });
    expect(pi.status).toBe('succeeded');
  });

  it('creates an unconfirmed intent, updates its metadata and confirms it later', async () => {
    const pi = await h.stripe.paymentIntents.create({
      amount: 1500,
      currency: 'usd',
      automatic_payment_methods: { enabled: true },
      metadata: { orderId: 'o2', attempt: '1' },
    });
    expect(pi.status).toBe('requires_payment_method');
    const updated = await h.stripe.paymentIntents.update(pi.id, { metadata: { attempt: '', note: 'x' } });
    expect(updated.metadata).toEqual({ orderId: 'o2', note: 'x' });
    const token = await h.stripe.testHelpers.confirmationTokens.create({
      payment_method: 'pm_card_visa',
      return_url: 'https://bigtix.test/r',
    });
    const confirmed = await h.stripe.paymentIntents.confirm(pi.id, { confirmation_token: token.id });
    expect(confirmed.status).toBe('succeeded');
    const again = await rejectionOf(h.stripe.paymentIntents.confirm(pi.id));
    expect(again).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
  });

  it('cancels an open intent and refuses to cancel a succeeded one', async () => {
    const open = await h.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const canceled = await h.stripe.paymentIntents.cancel(open.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect(typeof canceled.canceled_at).toBe('number');

    const paid = await confirmedPaymentIntent(h.stripe, 'pm_card_visa');
    const err = await rejectionOf(h.stripe.paymentIntents.cancel(paid.id));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
  });

  it('captures a manual-capture intent', async () => {
    const pi = await confirmedPaymentIntent(h.stripe, 'pm_card_visa', { capture_method: 'manual' });
    expect(pi).toMatchObject({ status: 'requires_capture', amount_capturable: 2500, amount_received: 0 });
    const captured = await h.stripe.paymentIntents.capture(pi.id, { amount_to_capture: 2000 });
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 2000, amount_capturable: 0 });
  });

  it('answers 404 resource_missing for an unknown intent', async () => {
    const err = await rejectionOf(h.stripe.paymentIntents.retrieve('pi_doesnotexist'));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    expect(err.message).toBe("No such payment_intent: 'pi_doesnotexist'");
  });

  it('lists intents newest first with limit and auto-pagination', async () => {
    const created: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      created.push((await h.stripe.paymentIntents.create({ amount: 1000 + i, currency: 'usd' })).id);
    }
    const page = await h.stripe.paymentIntents.list({ limit: 2 });
    expect(page.object).toBe('list');
    expect(page.data.map((p) => p.id)).toEqual([created[2], created[1]]);
    expect(page.has_more).toBe(true);
    const all: string[] = [];
    for await (const pi of h.stripe.paymentIntents.list({ limit: 2 })) all.push(pi.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all.slice(0, 3)).toEqual([created[2], created[1], created[0]]);
  });
});
