import { makeEnvelope } from '@bigtix/middleware';
import fc from 'fast-check';
import type { PaymentsDeps } from '../../../src/deps';
import { onOrderPaid } from '../../../src/events/consumers/on-order-paid';
import { onOrderRefundRequested } from '../../../src/events/consumers/on-order-refund-requested';
import { domainDeps } from '../../support/deps';
import { Harness, TestUser, fakeUser, startHarness, waitFor } from '../../support/harness';
import { PAYOUT_ENV, placeAndPay, ledgerOf, orderWithLines, sumOf } from '../../support/payouts';

/**
 * A cancelled event's paid order is refunded in full once (`order.refund-requested`, Stripe
 * idempotency key `bigtix-cancel-refund-<orderId>`), however the request is duplicated, overlapped
 * (two replicas, prefetch) and interleaved with orders' verdict (`order.paid`) and Stripe's own
 * `refund.created` webhook: one Refund of the whole charge, the sale undone once in the ledger.
 */
type Delivery = 'request' | 'verdict';

describe('cancelled event refunds in any order', () => {
  let h: Harness;
  let deps: PaymentsDeps;
  beforeAll(async () => {
    h = await startHarness('cancelrefund', PAYOUT_ENV);
    deps = await domainDeps(h.service.ctx.db, h.fake.url);
  }, 30_000);
  afterAll(async () => {
    await h?.stop();
  });

  async function paidOrder(buyer: TestUser, seller: TestUser) {
    const order = orderWithLines(buyer, [
      { sellerId: seller.id, eventId: 'evt-cancelled', price: 8_000 },
      { sellerId: seller.id, eventId: 'evt-cancelled', price: 4_005 },
    ]);
    const { intent } = await placeAndPay(h, buyer, order);
    return { order, intent };
  }

  const groupsArb = fc
    .tuple(
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 2 }),
      fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
      fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    )
    .map(([requests, verdicts, keys, together]) => {
      const all: Delivery[] = [
        ...Array.from({ length: requests }, () => 'request' as const),
        ...Array.from({ length: verdicts }, () => 'verdict' as const),
      ];
      const sorted = all.map((k, i) => ({ k, key: keys[i] })).sort((a, b) => a.key - b.key);
      const groups: Delivery[][] = [];
      sorted.forEach(({ k }, i) => (i > 0 && together[i] ? groups[groups.length - 1].push(k) : groups.push([k])));
      return groups;
    });

  it('one full refund of price + buyer fee, the sale undone once', async () => {
    await fc.assert(
      fc.asyncProperty(groupsArb, async (groups) => {
        const [buyer, seller] = [fakeUser(), fakeUser()];
        const { order, intent } = await paidOrder(buyer, seller);
        const paid = makeEnvelope('order.paid', 2, 'orders', {
          ...order,
          status: 'paid',
          paymentIntentId: intent,
          version: 2,
        });
        const requested = makeEnvelope('order.refund-requested', 0, 'orders', {
          orderId: order.id,
          userId: buyer.id,
          paymentIntentId: intent,
          amount: order.total,
          currency: 'usd',
          reason: 'event-cancelled',
          eventId: 'evt-cancelled',
        });
        for (const group of groups) {
          await Promise.all(
            group.map((d) => (d === 'request' ? onOrderRefundRequested(deps)(requested) : onOrderPaid(deps)(paid))),
          );
        }
        const refunds = await h.stripe.refunds.list({ payment_intent: intent, limit: 100 });
        expect(refunds.data.map((r) => r.amount)).toEqual([order.total]);
        // The webhook books it (or the request's consumer does, if the webhook came first).
        const entries = await waitFor(async () => {
          const e = await ledgerOf(h, order.id);
          return e.some((x) => x.kind === 'refund') ? e : undefined;
        });
        expect(entries.map((e) => e.kind).sort()).toEqual(['refund', 'sale']);
        expect([sumOf(entries), sumOf(entries, 'stripe_balance')]).toEqual([0, 0]);
        const payment = await h.service.ctx.db.db!.collection('payments').findOne({ orderId: order.id });
        expect(payment?.status).toBe('refunded');
      }),
      { numRuns: 10 },
    );
  }, 180_000);
});
