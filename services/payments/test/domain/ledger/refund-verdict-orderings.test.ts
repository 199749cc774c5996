import { makeEnvelope } from '@bigtix/middleware';
import fc from 'fast-check';
import type { PaymentsDeps } from '../../../src/deps';
import { noteRefund, orderRefunded } from '../../../src/domain/ledger/book-refund';
import { onOrderPaid } from '../../../src/events/consumers/on-order-paid';
import { onOrderPaymentRejected } from '../../../src/events/consumers/on-order-payment-rejected';
import { domainDeps } from '../../support/deps';
import { Harness, TestUser, fakeUser, startHarness } from '../../support/harness';
import { PAYOUT_ENV, placeAndPay, ledgerOf, orderWithLines, sumOf } from '../../support/payouts';

/**
 * A refund is booked against orders' verdict on its PaymentIntent (paid with it, or refused it),
 * and Stripe's `refund.created` webhook races the verdict's event: it may come before, after,
 * twice, or at the same time as a redelivery of the verdict. Every ordering, duplicated and
 * overlapped as fast-check chooses, must end in the same books: a refunded sale undone once, a
 * refused charge paid back once, and an order that kept one charge still owing its seller.
 */
type Delivery = 'verdict' | 'rejection' | 'refund';

describe('refunds and verdicts in any order', () => {
  let h: Harness;
  let deps: PaymentsDeps;
  beforeAll(async () => {
    h = await startHarness('refundorder', PAYOUT_ENV);
    deps = await domainDeps(h.service.ctx.db, h.fake.url);
  }, 30_000);
  afterAll(async () => {
    await h?.stop();
  });

  /** The order is created and paid through the service; orders has not said anything yet. */
  async function paidOrder(buyer: TestUser, seller: TestUser) {
    const order = orderWithLines(buyer, [{ sellerId: seller.id, eventId: 'evt', price: 8_000 }]);
    const { intent, payment } = await placeAndPay(h, buyer, order);
    return { order, intent, payment };
  }

  /** A second attempt whose money arrived after the first completed the order (orders refuses it). */
  async function secondCharge(orderId: string, amount: number, first: Record<string, unknown>) {
    const pi = await h.stripe.paymentIntents.create({
      amount,
      currency: 'usd',
      confirm: true,
      payment_method: 'pm_card_visa',
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
      metadata: { orderId },
    });
    const { _id: _ignored, ...rest } = first;
    await h.service.ctx.db.db!.collection('payments').insertOne({
      ...rest,
      attempt: 2,
      attemptKey: `${orderId}#2`,
      paymentIntentId: pi.id,
    });
    return pi.id;
  }

  const deliveriesArb = (kinds: Delivery[]) =>
    fc
      .tuple(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: kinds.length, maxLength: kinds.length }),
        fc.array(fc.nat(), { minLength: 9, maxLength: 9 }),
        fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
      )
      .map(([counts, keys, together]) => {
        const all = kinds.flatMap((k, i) => Array.from({ length: counts[i] }, () => k));
        const order = all.map((k, i) => ({ k, key: keys[i] })).sort((a, b) => a.key - b.key);
        // Runs of deliveries marked `together` are handled concurrently, like prefetch 20 would.
        const groups: Delivery[][] = [];
        order.forEach(({ k }, i) => (i > 0 && together[i] ? groups[groups.length - 1].push(k) : groups.push([k])));
        return groups;
      });

  async function deliver(groups: Delivery[][], handlers: Record<Delivery, () => Promise<unknown>>) {
    for (const group of groups) await Promise.all(group.map((d) => handlers[d]()));
  }

  const refundFacts = (refund: { id: string; amount: number; currency: string }, paymentIntentId: string) => ({
    refundId: refund.id,
    paymentIntentId,
    amount: refund.amount,
    currency: refund.currency,
  });

  it('a refunded sale: undone once, its seller never paid', async () => {
    await fc.assert(
      fc.asyncProperty(deliveriesArb(['verdict', 'refund']), async (groups) => {
        const [buyer, seller] = [fakeUser(), fakeUser()];
        const { order, intent } = await paidOrder(buyer, seller);
        const refund = await h.stripe.refunds.create({ payment_intent: intent });
        const paid = makeEnvelope('order.paid', 2, 'orders', {
          ...order,
          status: 'paid',
          paymentIntentId: intent,
          version: 2,
        });
        await deliver(groups, {
          verdict: () => onOrderPaid(deps)(paid),
          refund: () => noteRefund(deps, refundFacts(refund, intent)),
          rejection: async () => undefined,
        });
        const entries = await ledgerOf(h, order.id);
        expect(entries.map((e) => e.kind).sort()).toEqual(['refund', 'sale']);
        expect([sumOf(entries), sumOf(entries, 'stripe_balance'), sumOf(entries, 'platform_fees')]).toEqual([0, 0, 0]);
        expect(await orderRefunded(deps, order.id)).toBe(true);
        const decision = await h.service.ctx.db
          .db!.collection('payout_decisions')
          .findOne({ _id: `${order.id}:${seller.id}` as never });
        expect(decision?.decision).toBe('refunded');
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('a refused charge refunded from the Dashboard before the verdict: paid back once', async () => {
    await fc.assert(
      fc.asyncProperty(deliveriesArb(['rejection', 'refund']), async (groups) => {
        const [buyer, seller] = [fakeUser(), fakeUser()];
        const { order, intent } = await paidOrder(buyer, seller);
        const refund = await h.stripe.refunds.create({ payment_intent: intent });
        const rejected = makeEnvelope('order.payment-rejected', 2, 'orders', {
          orderId: order.id,
          paymentIntentId: intent,
          amount: order.total,
          reason: 'order expired',
        });
        await deliver(groups, {
          rejection: () => onOrderPaymentRejected(deps)(rejected),
          refund: () => noteRefund(deps, refundFacts(refund, intent)),
          verdict: async () => undefined,
        });
        const entries = await ledgerOf(h, order.id);
        expect(entries.map((e) => e.kind).sort()).toEqual(['rejected_charge', 'returned_charge']);
        expect([sumOf(entries), sumOf(entries, 'stripe_balance'), sumOf(entries, 'refunds_due')]).toEqual([0, 0, 0]);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('an order paid once and charged twice: the second charge is paid back, the seller is still owed', async () => {
    await fc.assert(
      fc.asyncProperty(deliveriesArb(['verdict', 'rejection', 'refund']), async (groups) => {
        const [buyer, seller] = [fakeUser(), fakeUser()];
        const { order, intent, payment } = await paidOrder(buyer, seller);
        const second = await secondCharge(order.id, order.total, payment);
        const refund = await h.stripe.refunds.create({ payment_intent: second });
        const paid = makeEnvelope('order.paid', 2, 'orders', {
          ...order,
          status: 'paid',
          paymentIntentId: intent,
          version: 2,
        });
        const rejected = makeEnvelope('order.payment-rejected', 2, 'orders', {
          orderId: order.id,
          paymentIntentId: second,
          amount: order.total,
          reason: 'order already paid',
        });
        await deliver(groups, {
          verdict: () => onOrderPaid(deps)(paid),
          rejection: () => onOrderPaymentRejected(deps)(rejected),
          refund: () => noteRefund(deps, refundFacts(refund, second)),
        });
        const entries = await ledgerOf(h, order.id);
        expect(entries.map((e) => e.kind).sort()).toEqual(['rejected_charge', 'returned_charge', 'sale']);
        expect(sumOf(entries)).toBe(0);
        expect(sumOf(entries, `seller_payable:${seller.id}`)).toBe(-(8_000 - 800));
        expect(await orderRefunded(deps, order.id)).toBe(false);
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});
