import request from 'supertest';
import { FIXTURE_IDS, RunningFakeTicketmaster, startFakeTicketmaster } from '@bigtix/fake-ticketmaster';
import type { PaymentsDeps } from '../../../src/deps';
import { settleProceeds } from '../../../src/domain/payouts/settle-proceeds';
import type { Proceeds } from '../../../src/models/proceeds';
import { domainDeps } from '../../support/deps';
import { Harness, fakeUser, startHarness, waitFor } from '../../support/harness';
import { PAYOUT_ENV, ledgerOf, onboard, orderWithLines, sellOrder, sumOf, transfersOf } from '../../support/payouts';

/**
 * Three "replicas" settle the same proceeds at once (the service's own worker, plus two more
 * sets of use-case dependencies on their own connections' view of the same database) while the
 * buyer's refund lands at a different moment in each round. Whatever the order: never two
 * Transfers, a Transfer that happened is reversed exactly once, and the order's books are zero.
 */
describe('payout races: concurrent workers, duplicate settlement and a refund at any moment', () => {
  let tm: RunningFakeTicketmaster;
  let h: Harness;
  let replicas: PaymentsDeps[];
  beforeAll(async () => {
    tm = await startFakeTicketmaster({ rateLimitPerSecond: 0 });
    h = await startHarness('payrace', { ...PAYOUT_ENV, PAYOUT_SWEEP_MS: '20', TICKETMASTER_BASE_URL: tm.url });
    const ended = async (eventId: string) => ({ eventId, endsAt: Date.now() - 3_600_000, status: 'onsale' });
    replicas = [
      await domainDeps(h.service.ctx.db, h.fake.url, ended),
      await domainDeps(h.service.ctx.db, h.fake.url, ended),
    ];
    for (const r of replicas) Object.assign(r.config, { payoutDelaySeconds: 0, payoutRetryAfterMs: 2_000 });
  }, 30_000);
  afterAll(async () => {
    await h?.stop();
    await tm?.close();
  });

  it.each([0, 5, 15, 40, 80, 150])(
    'refund %i ms after three workers start: at most one transfer, reversed once if sent, books at zero',
    async (refundDelayMs) => {
      const [buyer, seller] = [fakeUser(), fakeUser()];
      await onboard(h, seller);
      // Ended long ago at Ticketmaster too, so the service's own worker races as well.
      const order = orderWithLines(buyer, [{ sellerId: seller.id, eventId: FIXTURE_IDS.soonest, price: 9_999 }]);
      await fetch(`${tm.url}/__control/events/${FIXTURE_IDS.soonest}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ dates: { start: new Date(Date.now() - 86_400_000).toISOString() } }),
      });
      const intent = await sellOrder(h, buyer, order);
      const proceeds = await waitFor(
        async () =>
          (await h.service.ctx.db
            .db!.collection('proceeds')
            .findOne({ orderId: order.id })) as unknown as Proceeds | null,
        { what: 'proceeds recorded' },
      );
      const settlers = replicas.flatMap((deps, i) =>
        Array.from({ length: 5 }, (_, j) => settleProceeds(deps, proceeds, `replica-${i}-${j}`).catch(() => 'error')),
      );
      const refund = new Promise((r) => setTimeout(r, refundDelayMs)).then(() =>
        h.stripe.refunds.create({ payment_intent: intent }),
      );
      await Promise.all([...settlers, refund]);

      // Settle until nothing is left to do: a refunded sale ends refunded (never sent) or reversed.
      const final = await waitFor(
        async () => {
          const outcome = await settleProceeds(replicas[0], proceeds, 'final');
          return ['refunded', 'done', 'reversed'].includes(outcome) ? outcome : undefined;
        },
        { what: 'settled' },
      );
      const transfers = await transfersOf(h, order.id);
      expect(transfers.length).toBeLessThanOrEqual(1);
      if (transfers.length === 1) {
        expect(final).not.toBe('refunded');
        const t = await h.stripe.transfers.retrieve(transfers[0].id);
        expect(t.amount_reversed).toBe(t.amount);
        expect((await h.stripe.transfers.listReversals(t.id)).data).toHaveLength(1);
      }
      const entries = await waitFor(async () => {
        const e = await ledgerOf(h, order.id);
        return e.some((x) => x.kind === 'refund') ? e : undefined;
      });
      expect(entries.filter((e) => e.kind === 'transfer')).toHaveLength(transfers.length);
      expect(entries.filter((e) => e.kind === 'reversal')).toHaveLength(transfers.length);
      expect(sumOf(entries)).toBe(0);
      expect(sumOf(entries, 'stripe_balance')).toBe(0);
      expect(sumOf(entries, `seller_payable:${seller.id}`)).toBe(0);
      const sale = (await request(h.url).get('/api/payouts').set('Authorization', seller.bearer)).body.items[0];
      expect(sale.status).toBe(transfers.length === 1 ? 'reversed' : 'refunded');
    },
  );
});
