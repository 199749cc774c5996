/**
 * The marketplace end to end over real HTTP and RabbitMQ: a seller lists, a buyer holds and
 * pays through Stripe (the fake, driven by the official client), the webhook completes the
 * order, and the ticket is sold to the buyer, who now sees its serial.
 */
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import { waitFor } from '@bigtix/testkit';
import Stripe from 'stripe';
import { Person, newPerson } from '../../src/api-client';
import { Stack, startStack } from '../../src/stack';

jest.setTimeout(60_000);

let stack: Stack;
let stripe: Stripe;
beforeAll(async () => {
  stack = await startStack();
  stripe = new Stripe('sk_test_e2e', stack.stripe.stripeClientOptions);
});
afterAll(() => stack?.stop());

const eventId = () => FIXTURE_IDS.hamiltonNewYork;
let serial = 0;

async function listTicket(seller: Person, price = 12_500) {
  const res = await seller.call('POST', '/api/tickets/create', {
    title: 'Floor A, row 3',
    price,
    description: 'Great view',
    serialNumber: `E2E-${stack.iso.id}-${++serial}`,
    eventId: eventId(),
  });
  expect(res.status).toBe(201);
  return res.body;
}

/** Holding succeeds once the ticket has reached the orders service's replica. */
async function hold(buyer: Person, ticket: { id: string; price: number }) {
  return waitFor(
    async () => {
      const res = await buyer.call('POST', '/api/orders', { tickets: [{ ticketId: ticket.id, price: ticket.price }] });
      if (res.status === 201) return res.body;
      if (res.status !== 409 && res.status !== 404)
        throw new Error(`hold failed: ${res.status} ${JSON.stringify(res.body)}`);
      return undefined;
    },
    { what: 'the ticket to be holdable' },
  );
}

async function token(card: string) {
  return (await stripe.testHelpers.confirmationTokens.create({ payment_method: card })).id;
}

async function pay(buyer: Person, order: { id: string; total: number }, card: string) {
  return buyer.call('POST', '/api/payments/new', {
    orderId: order.id,
    amount: order.total,
    confirmationTokenId: await token(card),
  });
}

async function orderStatus(buyer: Person, orderId: string, status: string) {
  return waitFor(
    async () => {
      const res = await buyer.call('GET', `/api/orders/${orderId}`);
      return res.body?.status === status ? res.body : undefined;
    },
    { what: `order ${status}` },
  );
}

it('sells a listed ticket to a buyer who pays with a card that succeeds', async () => {
  const seller = await newPerson(stack.url, 'seller');
  const buyer = await newPerson(stack.url, 'buyer');
  const ticket = await listTicket(seller);
  expect(ticket.serialNumber).toBeDefined();

  const order = await hold(buyer, ticket);
  // The buyer pays the all-in price: the listing price plus the 10 % buyer fee (BUYER_FEE_BPS).
  expect(order).toMatchObject({ status: 'created', subtotal: 12_500, buyerFee: 1_250, total: 13_750, currency: 'usd' });
  const payment = await pay(buyer, order, 'pm_card_visa');
  expect(payment.status).toBe(201);

  await orderStatus(buyer, order.id, 'paid');
  const sold = await waitFor(
    async () => {
      const res = await buyer.call('GET', `/api/tickets/${ticket.id}`);
      return res.body?.status === 'sold' ? res.body : undefined;
    },
    { what: 'ticket sold' },
  );
  expect(sold.userId).toBe(buyer.id);
  expect(sold.serialNumber).toBe(ticket.serialNumber);
  expect(
    (await buyer.call('GET', `/api/tickets/serial-number/${encodeURIComponent(ticket.serialNumber)}`)).status,
  ).toBe(200);
  expect((await seller.call('GET', `/api/tickets/${ticket.id}`)).body.serialNumber).toBeUndefined();

  // Sold is final: nobody else can hold it.
  const other = await newPerson(stack.url, 'late');
  // Who bought it is private: everyone but the buyer sees the seller named on a sold ticket.
  expect((await other.call('GET', `/api/tickets/${ticket.id}`)).body.userId).toBe(seller.id);
  expect((await seller.call('GET', `/api/tickets/${ticket.id}`)).body.userId).toBe(seller.id);
  expect((await fetch(`${stack.url}/api/tickets/${ticket.id}`).then((r) => r.json())).userId).toBe(seller.id);
  const again = await other.call('POST', '/api/orders', { tickets: [{ ticketId: ticket.id, price: ticket.price }] });
  expect(again.status).toBe(409);
});

it('keeps the hold after a declined card and lets the buyer pay with another card', async () => {
  const seller = await newPerson(stack.url, 'seller');
  const buyer = await newPerson(stack.url, 'buyer');
  const ticket = await listTicket(seller, 9_900);
  const order = await hold(buyer, ticket);

  const declined = await pay(buyer, order, 'pm_card_chargeDeclined');
  expect(declined.status).toBe(402);
  expect(declined.body.errors[0].message).toMatch(/declined/i);
  expect((await buyer.call('GET', `/api/orders/${order.id}`)).body.status).toMatch(/created|awaiting:payment/);

  const retry = await waitFor(
    async () => {
      const res = await pay(buyer, order, 'pm_card_visa');
      return res.status === 201 ? res : undefined;
    },
    { what: 'a second attempt to be accepted' },
  );
  expect(retry.body.status).toMatch(/succeeded|processing/);
  await orderStatus(buyer, order.id, 'paid');
});

it('returns a client secret for 3-D Secure and completes when the authentication succeeds', async () => {
  const seller = await newPerson(stack.url, 'seller');
  const buyer = await newPerson(stack.url, 'buyer');
  const ticket = await listTicket(seller, 20_000);
  const order = await hold(buyer, ticket);

  const payment = await pay(buyer, order, 'pm_card_authenticationRequired');
  expect(payment.status).toBe(201);
  expect(payment.body.status).toBe('requires_action');
  expect(payment.body.clientSecret).toMatch(/_secret_/);
  // What stripe.handleNextAction does in the browser.
  const intentId = payment.body.clientSecret.split('_secret_')[0];
  stack.stripe.controls.authenticatePaymentIntent(intentId, 'succeed');
  await orderStatus(buyer, order.id, 'paid');
});

it('refuses to pay a wrong amount, a stranger’s order, or twice', async () => {
  const seller = await newPerson(stack.url, 'seller');
  const buyer = await newPerson(stack.url, 'buyer');
  const stranger = await newPerson(stack.url, 'stranger');
  const ticket = await listTicket(seller, 5_000);
  const order = await hold(buyer, ticket);

  expect(
    (
      await buyer.call('POST', '/api/payments/new', {
        orderId: order.id,
        amount: 4_999,
        confirmationTokenId: await token('pm_card_visa'),
      })
    ).status,
  ).toBe(400);
  expect((await pay(stranger, order, 'pm_card_visa')).status).toBe(404);
  const first = await pay(buyer, order, 'pm_card_visa');
  expect(first.status).toBe(201);
  await orderStatus(buyer, order.id, 'paid');
  expect((await pay(buyer, order, 'pm_card_visa')).status).toBe(409);
  const intents = await stripe.paymentIntents.list({ limit: 100 });
  const charged = intents.data.filter((pi) => pi.metadata.orderId === order.id && pi.status === 'succeeded');
  expect(charged).toHaveLength(1);
});
