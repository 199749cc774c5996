import { FIXTURE_IDS, RunningFakeTicketmaster, startFakeTicketmaster } from '@bigtix/fake-ticketmaster';
import request from 'supertest';
import { reconcile } from '../../src/domain/ledger/reconcile';
import { ledgerCollection } from '../../src/models/ledger';
import { Harness, fakeUser, startHarness, waitFor } from '../support/harness';
import {
  PAYOUT_ENV,
  endEvent,
  ledgerOf,
  onboard,
  orderWithLines,
  sellOrder,
  sumOf,
  transfersOf,
  verifySellerEmail,
} from '../support/payouts';

describe('payouts: sellers are paid after the event, once, and the books balance', () => {
  let tm: RunningFakeTicketmaster;
  let h: Harness;
  beforeAll(async () => {
    tm = await startFakeTicketmaster({ rateLimitPerSecond: 0 });
    h = await startHarness('payouts', { ...PAYOUT_ENV, TICKETMASTER_BASE_URL: tm.url });
  }, 30_000);
  afterAll(async () => {
    await h?.stop();
    await tm?.close();
  });

  it('transfers exactly price − seller fee per ticket to each seller, once, after the event ends', async () => {
    const [buyer, alice, bob] = [fakeUser(), fakeUser(), fakeUser()];
    await onboard(h, alice);
    await onboard(h, bob);
    const event = FIXTURE_IDS.erasTourMetLife;
    const order = orderWithLines(buyer, [
      { sellerId: alice.id, eventId: event, price: 10_000 },
      { sellerId: alice.id, eventId: event, price: 5_005 },
      { sellerId: bob.id, eventId: event, price: 7_500 },
    ]);
    // All-in: 10 000 + 1 000, 5 005 + 501 (half up), 7 500 + 750.
    expect(order.total).toBe(24_756);
    await sellOrder(h, buyer, order);

    const before = await request(h.url).get('/api/payouts').set('Authorization', alice.bearer);
    expect(before.body.items).toEqual([
      expect.objectContaining({
        orderId: order.id,
        gross: 15_005,
        fee: 1_501,
        proceeds: 13_504,
        status: 'pending_event',
        transferId: null,
      }),
    ]);
    expect(await transfersOf(h, order.id)).toEqual([]);

    await endEvent(tm, event);
    const transfers = await waitFor(
      async () => {
        const t = await transfersOf(h, order.id);
        return t.length === 2 ? t : undefined;
      },
      { what: 'two transfers' },
    );
    const byDestination = Object.fromEntries(transfers.map((t) => [t.metadata.sellerId, t]));
    expect(byDestination[alice.id]).toMatchObject({ amount: 13_504, transfer_group: `order_${order.id}` });
    expect(byDestination[bob.id]).toMatchObject({ amount: 6_750 });
    expect(byDestination[alice.id].source_transaction).toMatch(/^ch_/);

    const after = await waitFor(
      async () => {
        const res = await request(h.url).get('/api/payouts').set('Authorization', alice.bearer);
        return res.body.items[0].status === 'paid' ? res.body.items[0] : undefined;
      },
      { what: 'sale shown paid' },
    );
    expect(after.transferId).toBe(byDestination[alice.id].id);
    const summary = await request(h.url).get('/api/payouts/summary').set('Authorization', alice.bearer);
    expect(summary.body).toMatchObject({
      sales: 1,
      gross: 15_005,
      fees: 1_501,
      proceeds: 13_504,
      paid: 13_504,
      upcoming: 0,
    });

    const entries = await ledgerOf(h, order.id);
    expect(entries.map((e) => e.kind).sort()).toEqual(['sale', 'transfer', 'transfer']);
    expect(sumOf(entries)).toBe(0);
    // What stays with the platform is exactly both fees.
    expect(sumOf(entries, 'stripe_balance')).toBe(24_756 - 13_504 - 6_750);
    expect(sumOf(entries, `seller_payable:${alice.id}`)).toBe(0);
  });

  it('waits for a seller without an account and pays once they onboard', async () => {
    const [buyer, carol] = [fakeUser(), fakeUser()];
    const event = FIXTURE_IDS.hamiltonNewYork;
    await endEvent(tm, event);
    const order = orderWithLines(buyer, [{ sellerId: carol.id, eventId: event, price: 4_000 }]);
    await sellOrder(h, buyer, order);
    const listed = await request(h.url).get('/api/payouts').set('Authorization', carol.bearer);
    expect(listed.body.items[0].status).toBe('awaiting_account');
    expect((await request(h.url).get('/api/payouts/account').set('Authorization', carol.bearer)).body).toEqual({
      status: 'none',
      payoutsEnabled: false,
      requirements: [],
      emailVerified: false,
    });
    await onboard(h, carol);
    const [transfer] = await waitFor(
      async () => {
        const t = await transfersOf(h, order.id);
        return t.length === 1 ? t : undefined;
      },
      { what: 'transfer after onboarding' },
    );
    expect(transfer.amount).toBe(3_600);
  });

  it('keeps proceeds of an onboarded seller whose email is unverified until auth says it is, then pays', async () => {
    const [buyer, gina] = [fakeUser(), fakeUser()];
    await onboard(h, gina, { verified: false });
    const event = FIXTURE_IDS.soonest;
    await endEvent(tm, event);
    const order = orderWithLines(buyer, [{ sellerId: gina.id, eventId: event, price: 5_000 }]);
    await sellOrder(h, buyer, order);
    const account = await request(h.url).get('/api/payouts/account').set('Authorization', gina.bearer);
    expect(account.body).toMatchObject({ status: 'enabled', emailVerified: false });
    // A verified seller's sale on the same event, sold after Gina's, is transferred: the worker
    // has passed over Gina's due proceeds and left them.
    const [buyer2, hal] = [fakeUser(), fakeUser()];
    await onboard(h, hal);
    const control = orderWithLines(buyer2, [{ sellerId: hal.id, eventId: event, price: 2_000 }]);
    await sellOrder(h, buyer2, control);
    await waitFor(async () => (await transfersOf(h, control.id)).length === 1, {
      what: "the control seller's transfer",
    });
    expect(await transfersOf(h, order.id)).toEqual([]);
    await verifySellerEmail(h, gina);
    const [transfer] = await waitFor(
      async () => {
        const t = await transfersOf(h, order.id);
        return t.length === 1 ? t : undefined;
      },
      { what: 'transfer after the email is verified' },
    );
    expect(transfer.amount).toBe(4_500);
  });

  it('refunded before the transfer: nothing is ever transferred, and the books are back to zero', async () => {
    const [buyer, dave] = [fakeUser(), fakeUser()];
    await onboard(h, dave);
    const event = FIXTURE_IDS.beyonceLosAngeles;
    const order = orderWithLines(buyer, [{ sellerId: dave.id, eventId: event, price: 8_000 }]);
    const intent = await sellOrder(h, buyer, order);
    await h.stripe.refunds.create({ payment_intent: intent });
    await waitFor(
      async () => {
        const res = await request(h.url).get('/api/payouts').set('Authorization', dave.bearer);
        return res.body.items[0]?.status === 'refunded';
      },
      { what: 'sale shown refunded' },
    );
    // The event ends afterwards; the worker passes many times; the decision was taken already.
    await endEvent(tm, event);
    await waitFor(
      async () =>
        (await h.service.ctx.db.db!.collection('payout_decisions').findOne({ _id: `${order.id}:${dave.id}` as never }))
          ?.decision === 'refunded',
      { what: 'refunded decision' },
    );
    expect(await transfersOf(h, order.id)).toEqual([]);
    const entries = await ledgerOf(h, order.id);
    expect(entries.map((e) => e.kind).sort()).toEqual(['refund', 'sale']);
    expect(sumOf(entries)).toBe(0);
    expect(sumOf(entries, 'stripe_balance')).toBe(0);
    expect(sumOf(entries, 'platform_fees')).toBe(0);
  });

  it('refunded after the transfer: the transfer is reversed once, and every account is back to zero', async () => {
    const [buyer, erin] = [fakeUser(), fakeUser()];
    await onboard(h, erin);
    const event = FIXTURE_IDS.acdcAndFriends;
    const order = orderWithLines(buyer, [{ sellerId: erin.id, eventId: event, price: 12_500 }]);
    const intent = await sellOrder(h, buyer, order);
    await endEvent(tm, event);
    const [transfer] = await waitFor(
      async () => {
        const t = await transfersOf(h, order.id);
        return t.length === 1 ? t : undefined;
      },
      { what: 'transfer' },
    );
    expect(transfer.amount).toBe(11_250);
    await waitFor(async () => (await ledgerOf(h, order.id)).some((e) => e.kind === 'transfer'), {
      what: 'transfer booked',
    });

    await h.stripe.refunds.create({ payment_intent: intent });
    const reversed = await waitFor(
      async () => {
        const t = await h.stripe.transfers.retrieve(transfer.id);
        return t.reversed ? t : undefined;
      },
      { what: 'transfer reversed' },
    );
    expect(reversed.amount_reversed).toBe(11_250);
    expect((await h.stripe.transfers.listReversals(transfer.id)).data).toHaveLength(1);
    await waitFor(
      async () => {
        const res = await request(h.url).get('/api/payouts').set('Authorization', erin.bearer);
        return res.body.items[0]?.status === 'reversed';
      },
      { what: 'sale shown reversed' },
    );
    const entries = await ledgerOf(h, order.id);
    expect(entries.map((e) => e.kind).sort()).toEqual(['refund', 'reversal', 'sale', 'transfer']);
    for (const account of ['stripe_balance', 'platform_fees', `seller_payable:${erin.id}`]) {
      expect([account, sumOf(entries, account)]).toEqual([account, 0]);
    }
  });

  it('answers 401 to anonymous callers and 400 to a bad status filter', async () => {
    expect((await request(h.url).get('/api/payouts')).status).toBe(401);
    expect((await request(h.url).post('/api/payouts/account')).status).toBe(401);
    const seller = fakeUser();
    const bad = await request(h.url).get('/api/payouts?status=someday').set('Authorization', seller.bearer);
    expect(bad.status).toBe(400);
    expect((await request(h.url).get('/api/payouts/fees')).body).toEqual({ buyerFeeBps: 1000, sellerFeeBps: 1000 });
  });

  it('reconciles clean with Stripe after all of the above: every charge, transfer, reversal and refund matches', async () => {
    const report = await reconcile(ledgerCollection(h.service.ctx.db), h.stripe);
    expect(report.discrepancies).toEqual([]);
    // Two sellers of the first order, the late onboarder, the late verifier and the control
    // seller of that test, the one refunded after; one reversal; two refunds.
    expect(report.checked).toMatchObject({ transfers: 6, reversals: 1, refunds: 2 });
  });

  it('reports a Transfer Stripe has that the ledger does not, and a booked movement Stripe does not have', async () => {
    const [buyer, frank] = [fakeUser(), fakeUser()];
    await onboard(h, frank);
    const order = orderWithLines(buyer, [{ sellerId: frank.id, eventId: FIXTURE_IDS.offsale, price: 2_000 }]);
    const intent = await sellOrder(h, buyer, order);
    const account = await h.service.ctx.db.db!.collection('seller_accounts').findOne({ _id: frank.id as never });
    const charge = (await h.stripe.paymentIntents.retrieve(intent)).latest_charge as string;
    // Money sent behind the ledger's back (say, from the Dashboard), and an entry with no Stripe object.
    const rogue = await h.stripe.transfers.create({
      amount: 100,
      currency: 'usd',
      destination: account!.accountId as string,
      source_transaction: charge,
      transfer_group: `order_${order.id}`,
      metadata: { orderId: order.id, sellerId: frank.id },
    });
    await h.service.ctx.db.db!.collection('ledger_entries').insertOne({
      _id: `refund:re_doesnotexist${order.id}` as never,
      kind: 'refund',
      orderId: order.id,
      currency: 'usd',
      postings: [
        { account: 'stripe_balance', amount: -1 },
        { account: 'platform_fees', amount: 1 },
      ],
      stripeId: `re_doesnotexist${order.id}`,
      sellerId: null,
      createdAt: new Date(),
    });
    const report = await reconcile(ledgerCollection(h.service.ctx.db), h.stripe);
    expect(report.discrepancies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'unbooked_transfer', id: rogue.id }),
        expect.objectContaining({ kind: 'missing_in_stripe', id: `refund:re_doesnotexist${order.id}` }),
      ]),
    );
  });
});
