/**
 * Sellers get paid, end to end over real HTTP and RabbitMQ with two payments replicas (each with
 * its consumers and payout worker): the seller onboards through Stripe's link, the buyer pays the
 * all-in price, the event ends (the fake Ticketmaster's control moves it into the past), and the
 * seller receives exactly price − seller fee per ticket, in one Transfer. Refunds before and
 * after the transfer; the ledger sums to zero and reconciles with Stripe.
 */
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import { RunningService, startService } from '@bigtix/middleware';
import { waitFor } from '@bigtix/testkit';
import Stripe from 'stripe';
import { ledgerCollection } from '@bigtix/payments-service/src/models/ledger';
import { reconcile } from '@bigtix/payments-service/src/domain/ledger/reconcile';
import { paymentsService } from '@bigtix/payments-service/src/service';
import { Person, newPerson } from '../../src/api-client';
import { saleOf, verifyEmail } from '../../src/get-paid';
import { Stack, startStack } from '../../src/stack';

jest.setTimeout(90_000);

const PAYOUT_ENV = { PAYOUT_DELAY_SECONDS: '1', PAYOUT_SWEEP_MS: '150', PAYOUT_EVENT_CACHE_MS: '0' };

let stack: Stack;
let secondPayments: RunningService;
let stripe: Stripe;
beforeAll(async () => {
  stack = await startStack({ env: PAYOUT_ENV });
  // A second replica on the same database and queue: it competes for every event and payout.
  secondPayments = await startService(paymentsService, stack.env('payments'));
  stripe = new Stripe('sk_test_e2e', stack.stripe.stripeClientOptions);
}, 60_000);
afterAll(async () => {
  await secondPayments?.stop();
  await stack?.stop();
});

let serial = 0;
async function listTicket(seller: Person, eventId: string, price: number) {
  const res = await seller.call('POST', '/api/tickets/create', {
    title: `Section 2${++serial}`,
    price,
    description: 'Aisle',
    serialNumber: `PAYOUT-${stack.iso.id}-${serial}`,
    eventId,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; price: number };
}

async function buy(buyer: Person, tickets: { id: string; price: number }[]) {
  const order = await waitFor(
    async () => {
      const res = await buyer.call('POST', '/api/orders', {
        tickets: tickets.map((t) => ({ ticketId: t.id, price: t.price })),
      });
      if (res.status === 201) return res.body;
      if (res.status !== 409 && res.status !== 404) throw new Error(`hold: ${res.status} ${JSON.stringify(res.body)}`);
      return undefined;
    },
    { what: 'tickets holdable' },
  );
  const token = async () => (await stripe.testHelpers.confirmationTokens.create({ payment_method: 'pm_card_visa' })).id;
  // The listing prices alone are not the amount due: the buyer fee is part of the total.
  const short = await buyer.call('POST', '/api/payments/new', {
    orderId: order.id,
    amount: order.subtotal,
    confirmationTokenId: await token(),
  });
  expect(short.status).toBe(400);
  const paid = await buyer.call('POST', '/api/payments/new', {
    orderId: order.id,
    amount: order.total,
    confirmationTokenId: await token(),
  });
  expect(paid.status).toBe(201);
  await waitFor(async () => (await buyer.call('GET', `/api/orders/${order.id}`)).body.status === 'paid', {
    what: 'order paid',
  });
  const intent = (await stripe.paymentIntents.list({ limit: 100 })).data.find(
    (pi) => pi.metadata.orderId === order.id && pi.status === 'succeeded',
  )!;
  expect(intent.amount).toBe(order.total);
  expect(intent.transfer_group).toBe(`order_${order.id}`);
  return { order, intent };
}

async function onboard(seller: Person) {
  await verifyEmail(stack, seller);
  const res = await seller.call('POST', '/api/payouts/account');
  expect(res.status).toBe(201);
  expect((await seller.call('GET', '/api/payouts/account')).body.status).toBe('pending');
  const opened = await fetch(res.body.url, { redirect: 'manual' });
  expect(opened.status).toBe(302);
  await waitFor(async () => (await seller.call('GET', '/api/payouts/account')).body.status === 'enabled', {
    what: 'account.updated applied',
  });
}

async function endEvent(eventId: string) {
  const res = await fetch(`${stack.ticketmaster.url}/__control/events/${eventId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ dates: { start: new Date(Date.now() - 3_600_000).toISOString() } }),
  });
  expect(res.status).toBe(200);
}

const transfersOf = async (orderId: string) =>
  (await stripe.transfers.list({ transfer_group: `order_${orderId}`, limit: 100 })).data;

async function ledgerSums(orderId: string) {
  const entries = await ledgerCollection(stack.services.payments.ctx.db).find({ orderId }).toArray();
  const sum = (account?: string) =>
    entries
      .flatMap((e) => e.postings as { account: string; amount: number }[])
      .filter((p) => !account || p.account === account)
      .reduce((s, p) => s + p.amount, 0);
  return { kinds: entries.map((e) => e.kind as string).sort(), sum };
}

it('pays the seller price − seller fee per ticket once after the event, and reverses it when refunded', async () => {
  const event = FIXTURE_IDS.erasTourMetLife;
  const [seller, buyer] = [await newPerson(stack.url, 'seller'), await newPerson(stack.url, 'buyer')];
  await onboard(seller);
  const tickets = [await listTicket(seller, event, 12_500), await listTicket(seller, event, 5_005)];
  const { order, intent } = await buy(buyer, tickets);
  // All-in: 12 500 + 1 250 and 5 005 + 501 (10 %, per ticket, half up).
  expect(order).toMatchObject({ subtotal: 17_505, buyerFee: 1_751, total: 19_256 });
  expect(order.tickets.map((t: { allInPrice: number }) => t.allInPrice)).toEqual([13_750, 5_506]);

  const pending = await saleOf(seller, order.id, 'pending_event');
  expect(pending).toMatchObject({ gross: 17_505, fee: 1_751, proceeds: 15_754, transferId: null });
  expect(await transfersOf(order.id)).toEqual([]);

  await endEvent(event);
  const paid = await saleOf(seller, order.id, 'paid');
  const transfers = await transfersOf(order.id);
  expect(transfers).toHaveLength(1);
  expect(transfers[0]).toMatchObject({
    id: paid.transferId,
    amount: 12_500 - 1_250 + (5_005 - 501),
    source_transaction: intent.latest_charge,
    metadata: { orderId: order.id, sellerId: seller.id },
  });
  const summary = (await seller.call('GET', '/api/payouts/summary')).body;
  expect(summary).toMatchObject({ sales: 1, paid: 15_754, upcoming: 0 });

  // Refunded from the Dashboard after the payout: the transfer comes back, once.
  await stripe.refunds.create({ payment_intent: intent.id });
  await saleOf(seller, order.id, 'reversed');
  const reversed = await stripe.transfers.retrieve(transfers[0].id);
  expect(reversed).toMatchObject({ reversed: true, amount_reversed: 15_754 });
  expect((await stripe.transfers.listReversals(transfers[0].id)).data).toHaveLength(1);
  expect(await transfersOf(order.id)).toHaveLength(1);
  const books = await ledgerSums(order.id);
  expect(books.kinds).toEqual(['refund', 'reversal', 'sale', 'transfer']);
  expect([books.sum(), books.sum('stripe_balance'), books.sum(`seller_payable:${seller.id}`)]).toEqual([0, 0, 0]);
});

it('refunded before the event ends: nothing is ever transferred', async () => {
  const event = FIXTURE_IDS.hamiltonNewYork;
  const [seller, buyer] = [await newPerson(stack.url, 'seller'), await newPerson(stack.url, 'buyer')];
  await onboard(seller);
  const { order, intent } = await buy(buyer, [await listTicket(seller, event, 8_000)]);
  await stripe.refunds.create({ payment_intent: intent.id });
  await saleOf(seller, order.id, 'refunded');
  await endEvent(event);
  // The event is over and both replicas' workers pass: the sale stays refunded, nothing is sent.
  await waitFor(
    async () =>
      (await stack.services.payments.ctx.db.db!.collection('payout_finished').findOne({
        _id: `${order.id}:${seller.id}` as never,
      })) !== null,
    { what: 'payout finished as refunded' },
  );
  await saleOf(seller, order.id, 'refunded');
  expect(await transfersOf(order.id)).toEqual([]);
  const books = await ledgerSums(order.id);
  expect(books.kinds).toEqual(['refund', 'sale']);
  expect([books.sum(), books.sum('stripe_balance'), books.sum('platform_fees')]).toEqual([0, 0, 0]);
});

it('keeps proceeds of a seller without an account until they onboard, then pays', async () => {
  const event = FIXTURE_IDS.beyonceLosAngeles;
  const [seller, buyer] = [await newPerson(stack.url, 'late-seller'), await newPerson(stack.url, 'buyer')];
  const { order } = await buy(buyer, [await listTicket(seller, event, 4_000)]);
  await endEvent(event);
  await saleOf(seller, order.id, 'awaiting_account');
  await onboard(seller);
  const paid = await saleOf(seller, order.id, 'paid');
  expect((await transfersOf(order.id)).map((t) => [t.id, t.amount])).toEqual([[paid.transferId, 3_600]]);
});

it('reconciles the ledger with Stripe: every charge, transfer, reversal and refund matches', async () => {
  const report = await reconcile(ledgerCollection(stack.services.payments.ctx.db), stripe);
  expect(report.discrepancies).toEqual([]);
  expect(report.checked).toMatchObject({ transfers: 2, reversals: 1, refunds: 2 });
});
