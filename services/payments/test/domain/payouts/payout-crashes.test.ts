import { claim } from '@bigtix/middleware';
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import type { PaymentsDeps } from '../../../src/deps';
import { settleProceeds } from '../../../src/domain/payouts/settle-proceeds';
import type { Proceeds } from '../../../src/models/proceeds';
import { domainDeps } from '../../support/deps';
import { Harness, fakeUser, startHarness, waitFor } from '../../support/harness';
import { PAYOUT_ENV, ledgerOf, onboard, orderWithLines, sellOrder, transfersOf } from '../../support/payouts';

/**
 * A payout worker can die at any step. Its successor (another replica, or itself restarted)
 * must finish the payout with exactly one Transfer. The service's own worker is parked (an hour
 * between passes) so each test decides exactly which steps ran before the "crash".
 */
describe('payout crashes: a worker dies mid-payout, the next one finishes it once', () => {
  let h: Harness;
  let deps: PaymentsDeps;
  const RETRY_AFTER_MS = 60_000;
  beforeAll(async () => {
    h = await startHarness('paycrash', { ...PAYOUT_ENV, PAYOUT_SWEEP_MS: '3600000' });
    deps = await domainDeps(h.service.ctx.db, h.fake.url, async (eventId) => ({
      eventId,
      endsAt: Date.now() - 86_400_000,
      status: 'onsale',
    }));
    Object.assign(deps.config, { payoutDelaySeconds: 0, payoutRetryAfterMs: RETRY_AFTER_MS });
  }, 30_000);
  afterAll(async () => {
    await h?.stop();
  });

  async function soldProceeds(): Promise<{ proceeds: Proceeds; sellerId: string }> {
    const [buyer, seller] = [fakeUser(), fakeUser()];
    await onboard(h, seller);
    const order = orderWithLines(buyer, [{ sellerId: seller.id, eventId: FIXTURE_IDS.soonest, price: 6_000 }]);
    await sellOrder(h, buyer, order);
    const proceeds = await waitFor(
      async () =>
        (await h.service.ctx.db
          .db!.collection('proceeds')
          .findOne({ orderId: order.id })) as unknown as Proceeds | null,
      { what: 'proceeds' },
    );
    return { proceeds, sellerId: seller.id };
  }
  const decideAsCrashedWorker = (p: Proceeds, at: Date) =>
    claim(h.service.ctx.db.db!.collection('payout_decisions'), p._id, { decision: 'transfer', at, by: 'crashed' });
  const later = (ms: number) => ({ ...deps, now: () => Date.now() + ms });

  it('died after deciding, before calling Stripe: a fresh decision is left alone, a stale one is resumed', async () => {
    const { proceeds } = await soldProceeds();
    await decideAsCrashedWorker(proceeds, new Date());
    // Maybe it is only slow: nobody else sends anything yet.
    expect(await settleProceeds(deps, proceeds, 'other')).toBe('in-flight');
    expect(await transfersOf(h, proceeds.orderId)).toEqual([]);
    expect(await settleProceeds(later(RETRY_AFTER_MS + 1_000), proceeds, 'other')).toBe('transferred');
    const transfers = await transfersOf(h, proceeds.orderId);
    expect(transfers.map((t) => t.amount)).toEqual([5_400]);
    expect(await settleProceeds(later(RETRY_AFTER_MS + 2_000), proceeds, 'third')).toBe('transferred');
    expect(await transfersOf(h, proceeds.orderId)).toHaveLength(1);
  });

  it('died after Stripe made the Transfer, before booking it: the Transfer is found and booked, never sent again', async () => {
    const { proceeds, sellerId } = await soldProceeds();
    await decideAsCrashedWorker(proceeds, new Date(Date.now() - RETRY_AFTER_MS - 1_000));
    const account = await h.service.ctx.db.db!.collection('seller_accounts').findOne({ _id: sellerId as never });
    const made = await deps.payouts.connect.createTransfer({
      orderId: proceeds.orderId,
      sellerId,
      amount: proceeds.proceeds,
      currency: 'usd',
      destination: account!.accountId as string,
      sourceTransaction: (await deps.payouts.connect.chargeOf(proceeds.paymentIntentId))!,
    });
    const outcomes = await Promise.all([1, 2, 3].map((i) => settleProceeds(deps, proceeds, `successor-${i}`)));
    expect(outcomes).toEqual(['transferred', 'transferred', 'transferred']);
    expect((await transfersOf(h, proceeds.orderId)).map((t) => t.id)).toEqual([made.id]);
    const booked = (await ledgerOf(h, proceeds.orderId)).filter((e) => e.kind === 'transfer');
    expect(booked.map((e) => e.stripeId)).toEqual([made.id]);
  });
});
