import { OrderCreatedData, lineFees, orderTotals } from '@bigtix/common';
import { waitFor } from '@bigtix/testkit';
import { Types } from 'mongoose';
import request from 'supertest';
import type { RunningFakeTicketmaster } from '@bigtix/fake-ticketmaster';
import type { LedgerEntry } from '../../src/models/ledger';
import { Harness, TestUser, confirmationToken, waitForReplica } from './harness';

export const FEES = { buyerFeeBps: 1000, sellerFeeBps: 1000 };

export const PAYOUT_ENV = {
  PAYOUT_DELAY_SECONDS: '1',
  PAYOUT_SWEEP_MS: '100',
  PAYOUT_EVENT_CACHE_MS: '0',
  PAYOUT_RETRY_AFTER_MS: '2000',
};

/** An order as the orders service now announces it: lines with seller, event and both fees. */
export function orderWithLines(
  buyer: { id: string },
  lines: { sellerId: string; eventId: string; price: number }[],
): OrderCreatedData {
  const tickets = lines.map((l, i) => ({
    ticketId: new Types.ObjectId().toHexString(),
    title: `Section 1, seat ${i + 1}`,
    price: l.price,
    sellerId: l.sellerId,
    eventId: l.eventId,
    ...(({ buyerFee, sellerFee }) => ({ buyerFee, sellerFee }))(lineFees(l.price, FEES)),
  }));
  return {
    id: new Types.ObjectId().toHexString(),
    userId: buyer.id,
    status: 'created',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    tickets,
    total: orderTotals(tickets).total,
    currency: 'usd',
    version: 1,
  };
}

/**
 * Places the order and pays it through the service, as the buyer would; orders says nothing yet.
 * Returns the payment record (its PaymentIntent id among it).
 */
export async function placeAndPay(h: Harness, buyer: TestUser, order: OrderCreatedData) {
  await h.publish('order.created', 1, order);
  await waitForReplica(h, order.id, 1);
  const res = await request(h.url)
    .post('/api/payments/new')
    .set('Authorization', buyer.bearer)
    .send({ orderId: order.id, amount: order.total, confirmationTokenId: await confirmationToken(h, 'pm_card_visa') });
  if (res.body.status !== 'succeeded') throw new Error(`payment ${res.status} ${JSON.stringify(res.body)}`);
  const payment = await h.service.ctx.db.db!.collection('payments').findOne({ orderId: order.id });
  return { intent: payment!.paymentIntentId as string, payment: payment! };
}

/** Places and pays the order, then announces it paid as orders would; returns the PaymentIntent. */
/** Orders' verdict on a paid order (`order.paid`, version 2), as orders would publish it; tests replay it too. */
export function publishPaid(h: Harness, buyer: TestUser, order: OrderCreatedData, intent: string): Promise<void> {
  return h.publish('order.paid', 2, {
    id: order.id,
    userId: buyer.id,
    status: 'paid',
    tickets: order.tickets,
    total: order.total,
    currency: 'usd',
    paymentIntentId: intent,
    version: 2,
  });
}

export async function sellOrder(h: Harness, buyer: TestUser, order: OrderCreatedData): Promise<string> {
  const { intent } = await placeAndPay(h, buyer, order);
  await publishPaid(h, buyer, order, intent);
  await waitForReplica(h, order.id, 2);
  return intent;
}

/** Auth announces that the seller's email is verified (what its link does), and payments records it. */
export async function verifySellerEmail(h: Harness, seller: TestUser): Promise<void> {
  await h.publish('user.email-verified', 0, { userId: seller.id, verifiedAt: new Date().toISOString() });
  await waitFor(
    async () =>
      (await request(h.url).get('/api/payouts/account').set('Authorization', seller.bearer)).body.emailVerified ===
      true,
    { what: 'the seller recorded as verified' },
  );
}

/**
 * The seller onboards the way a browser would: ask for the link, open it (GET); and (unless told
 * otherwise) has verified their email, without which nothing is transferred.
 */
export async function onboard(h: Harness, seller: TestUser, { verified = true } = {}): Promise<void> {
  if (verified) await verifySellerEmail(h, seller);
  const res = await request(h.url).post('/api/payouts/account').set('Authorization', seller.bearer);
  if (res.status !== 201) throw new Error(`onboarding ${res.status} ${JSON.stringify(res.body)}`);
  const opened = await fetch(res.body.url as string, { redirect: 'manual' });
  if (opened.status !== 302) throw new Error(`onboarding link answered ${opened.status}`);
  await waitFor(
    async () =>
      (await request(h.url).get('/api/payouts/account').set('Authorization', seller.bearer)).body.status === 'enabled',
    { what: 'account enabled by account.updated' },
  );
}

export async function endEvent(tm: RunningFakeTicketmaster, eventId: string, agoMs = 60_000): Promise<void> {
  const res = await fetch(`${tm.url}/__control/events/${eventId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ dates: { start: new Date(Date.now() - agoMs).toISOString() } }),
  });
  if (!res.ok) throw new Error(`moving event ${eventId}: ${res.status}`);
}

export async function ledgerOf(h: Harness, orderId: string): Promise<LedgerEntry[]> {
  return (await h.service.ctx.db
    .db!.collection('ledger_entries')
    .find({ orderId })
    .toArray()) as unknown as LedgerEntry[];
}

export const sumOf = (entries: LedgerEntry[], account?: string) =>
  entries
    .flatMap((e) => e.postings)
    .filter((p) => !account || p.account === account)
    .reduce((s, p) => s + p.amount, 0);

export async function transfersOf(h: Harness, orderId: string) {
  return (await h.stripe.transfers.list({ transfer_group: `order_${orderId}`, limit: 100 })).data;
}
