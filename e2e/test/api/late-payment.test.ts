/**
 * Money that arrives after the hold expired: Stripe took it (3-D Secure finished late) but
 * the order had already expired. If the ticket is still free the order completes; if someone
 * else holds it now, the buyer is refunded. Never sold twice, never charged without a ticket.
 */
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import { waitFor } from '@bigtix/testkit';
import Stripe from 'stripe';
import { Person, newPerson } from '../../src/api-client';
import { Stack, startStack } from '../../src/stack';

jest.setTimeout(90_000);

let stack: Stack;
let stripe: Stripe;
beforeAll(async () => {
  stack = await startStack({ env: { ORDER_HOLD_SECONDS: '3', ORDER_SWEEP_MS: '200' } });
  stripe = new Stripe('sk_test_e2e', stack.stripe.stripeClientOptions);
});
afterAll(() => stack?.stop());

let serial = 0;
async function listedTicket(seller: Person) {
  const res = await seller.call('POST', '/api/tickets/create', {
    title: 'Balcony',
    price: 7_000,
    serialNumber: `LATE-${stack.iso.id}-${++serial}`,
    eventId: FIXTURE_IDS.erasTourMetLife,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; price: number };
}

async function tryHold(buyer: Person, ticket: { id: string; price: number }) {
  return buyer.call('POST', '/api/orders', { tickets: [{ ticketId: ticket.id, price: ticket.price }] });
}

async function holdWhenReady(buyer: Person, ticket: { id: string; price: number }) {
  return waitFor(
    async () => {
      const res = await tryHold(buyer, ticket);
      return res.status === 201 ? res.body : undefined;
    },
    { what: 'hold' },
  );
}

/** A 3-D Secure payment whose authentication completes at Stripe only after the hold has expired. */
async function payLate(buyer: Person, order: { id: string; total: number }) {
  const token = await stripe.testHelpers.confirmationTokens.create({
    payment_method: 'pm_card_authenticationRequired',
  });
  const res = await buyer.call('POST', '/api/payments/new', {
    orderId: order.id,
    amount: order.total,
    confirmationTokenId: token.id,
  });
  expect(res.status).toBe(201);
  expect(res.body.status).toBe('requires_action');
  return res.body.clientSecret.split('_secret_')[0] as string;
}

async function orderStatus(buyer: Person, id: string) {
  return (await buyer.call('GET', `/api/orders/${id}`)).body.status as string;
}

it('completes an expired order when Stripe’s success arrives late and the ticket is still free', async () => {
  const seller = await newPerson(stack.url, 'seller');
  const buyer = await newPerson(stack.url, 'buyer');
  const ticket = await listedTicket(seller);
  const order = await holdWhenReady(buyer, ticket);
  const intentId = await payLate(buyer, order);

  stack.stripe.controls.pauseWebhooks();
  try {
    stack.stripe.controls.authenticatePaymentIntent(intentId, 'succeed'); // money taken at Stripe
    await waitFor(
      async () =>
        (await orderStatus(buyer, order.id)) !== 'created' &&
        (await orderStatus(buyer, order.id)) !== 'awaiting:payment',
      {
        what: 'the hold to run out',
        timeoutMs: 20_000,
      },
    );
  } finally {
    stack.stripe.controls.resumeWebhooks();
  }

  await waitFor(async () => (await orderStatus(buyer, order.id)) === 'paid', {
    what: 'late completion',
    timeoutMs: 30_000,
  });
  const sold = await waitFor(
    async () => {
      const t = (await buyer.call('GET', `/api/tickets/${ticket.id}`)).body;
      return t.status === 'sold' ? t : undefined;
    },
    { what: 'ticket sold' },
  );
  expect(sold.userId).toBe(buyer.id);
  const refunds = await stripe.refunds.list({ payment_intent: intentId });
  expect(refunds.data).toHaveLength(0);
});

it('refunds a late success when another buyer holds the ticket by then, and never sells it twice', async () => {
  const seller = await newPerson(stack.url, 'seller');
  const first = await newPerson(stack.url, 'first');
  const second = await newPerson(stack.url, 'second');
  const ticket = await listedTicket(seller);
  const order = await holdWhenReady(first, ticket);
  const intentId = await payLate(first, order);

  stack.stripe.controls.pauseWebhooks();
  let secondOrder: { id: string } | undefined;
  try {
    stack.stripe.controls.authenticatePaymentIntent(intentId, 'succeed');
    // The moment the hold lapses, a second buyer tries to take the ticket.
    secondOrder = await waitFor(
      async () => {
        const res = await tryHold(second, ticket);
        if (res.status === 201) return res.body;
        const status = await orderStatus(first, order.id);
        return status === 'paid' ? { id: '' } : undefined; // the late success won the race instead
      },
      { what: 'the second buyer or the late success to win', timeoutMs: 30_000 },
    );
  } finally {
    stack.stripe.controls.resumeWebhooks();
  }

  if (secondOrder.id) {
    // The second buyer won: the first is refunded and their order is not paid.
    await waitFor(async () => (await stripe.refunds.list({ payment_intent: intentId })).data.length === 1, {
      what: 'refund',
      timeoutMs: 30_000,
    });
    const refund = (await stripe.refunds.list({ payment_intent: intentId })).data[0];
    expect(refund.amount).toBe(order.total);
    expect(await orderStatus(first, order.id)).not.toBe('paid');
    expect(await orderStatus(second, secondOrder.id)).toMatch(/created|awaiting:payment/);
  } else {
    // The late success won: the ticket is the first buyer's and the second cannot hold it.
    expect((await tryHold(second, ticket)).status).toBe(409);
    expect((await stripe.refunds.list({ payment_intent: intentId })).data).toHaveLength(0);
  }
  const ticketNow = (await seller.call('GET', `/api/tickets/${ticket.id}`)).body;
  expect(['held', 'sold']).toContain(ticketNow.status);
});
