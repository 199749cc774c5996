import { FIXTURE_IDS, RunningFakeTicketmaster, startFakeTicketmaster } from '@bigtix/fake-ticketmaster';
import { RunningMailpit, startMailpit } from '@bigtix/testkit';
import { Harness, TestUser, fakeUser, startHarness, waitFor } from '../../support/harness';
import {
  PAYOUT_ENV,
  endEvent,
  ledgerOf,
  onboard,
  orderWithLines,
  publishPaid,
  sellOrder,
  transfersOf,
} from '../../support/payouts';

/**
 * Payments' emails over real SMTP (a Mailpit of this file, read through its API): the buyer's
 * refund notice once per Refund, the seller's "payout sent" once per Transfer, and a notice whose
 * address has not arrived yet sent once it does.
 */
describe('payments notifications (real RabbitMQ, real SMTP)', () => {
  let tm: RunningFakeTicketmaster;
  let mail: RunningMailpit;
  let h: Harness;
  beforeAll(async () => {
    mail = await startMailpit();
    tm = await startFakeTicketmaster({ rateLimitPerSecond: 0 });
    h = await startHarness('paynotify', {
      ...PAYOUT_ENV,
      TICKETMASTER_BASE_URL: tm.url,
      SMTP_URL: mail.smtpUrl,
      PUBLIC_URL: 'https://bigtix.example',
    });
  }, 30_000);
  afterAll(async () => {
    await h?.stop();
    await tm?.close();
    await mail?.stop();
  });

  const register = (u: TestUser) =>
    h.publish('user.registered', 0, { userId: u.id, email: u.email, registeredAt: new Date().toISOString() });
  const recipientKnown = (u: TestUser) =>
    waitFor(
      async () => (await h.service.ctx.db.db!.collection('recipients').findOne({ _id: u.id as never })) !== null,
      {
        what: 'address stored',
      },
    );
  const withSubject = async (u: TestUser, subject: RegExp) =>
    (await mail.messagesTo(u.email)).filter((m) => subject.test(m.Subject));

  it('a refund is announced to the buyer once, with the amount to the cent, however often it is booked again', async () => {
    const [buyer, seller] = [fakeUser(), fakeUser()];
    await register(buyer);
    await recipientKnown(buyer);
    // 8 005 + 801 (10 %, half up) = 8 806 cents
    const order = orderWithLines(buyer, [
      { sellerId: seller.id, eventId: FIXTURE_IDS.beyonceLosAngeles, price: 8_005 },
    ]);
    const intent = await sellOrder(h, buyer, order);
    const refund = await h.stripe.refunds.create({ payment_intent: intent });

    const notice = await mail.waitForMessage(buyer.email, /^Refund of \$88\.06/);
    expect(notice.Text).toContain(`Your order ${order.id} has been refunded in full: $88.06, fees included.`);
    expect(notice.Text).toContain(`https://bigtix.example/orders/${order.id}`);
    expect(
      await h.service.ctx.db.db!.collection('emails').findOne({ _id: `refund:${refund.id}` as never }),
    ).toMatchObject({ subject: 'Refund of $88.06 on its way' });

    // The verdict's redelivery books the refunds of the intent again; a later sale is the sentinel
    // that the queue got past it.
    await publishPaid(h, buyer, order, intent);
    const next = orderWithLines(buyer, [{ sellerId: seller.id, eventId: FIXTURE_IDS.beyonceLosAngeles, price: 1_000 }]);
    await h.stripe.refunds.create({ payment_intent: await sellOrder(h, buyer, next) });
    await mail.waitForMessage(buyer.email, /^Refund of \$11\.00/);
    expect(await withSubject(buyer, /^Refund of \$88\.06/)).toHaveLength(1);
  });

  it('a refund for a buyer whose address has not arrived waits, and is sent once the address comes', async () => {
    const [buyer, seller] = [fakeUser(), fakeUser()];
    const order = orderWithLines(buyer, [
      { sellerId: seller.id, eventId: FIXTURE_IDS.beyonceLosAngeles, price: 2_000 },
    ]);
    const intent = await sellOrder(h, buyer, order);
    const refund = await h.stripe.refunds.create({ payment_intent: intent });
    // The money side is not held up: the refund is booked without an address.
    await waitFor(async () => (await ledgerOf(h, order.id)).some((e) => e.kind === 'refund'), {
      what: 'refund booked',
    });
    const pending = h.service.ctx.db.db!.collection('pending_notifications');
    await waitFor(async () => (await pending.findOne({ _id: `refund:${refund.id}` as never })) !== null, {
      what: 'notice pending',
    });
    expect(await mail.messagesTo(buyer.email)).toEqual([]);

    await register(buyer);
    await register(buyer);
    await mail.waitForMessage(buyer.email, /^Refund of \$22\.00/);
    await waitFor(async () => (await pending.countDocuments({ userId: buyer.id })) === 0, { what: 'pending cleared' });
    expect(await mail.messagesTo(buyer.email)).toHaveLength(1);
  });

  it('"payout sent" goes to the seller once per transfer, with the amount and what was sold', async () => {
    const [buyer, seller] = [fakeUser(), fakeUser()];
    await register(seller);
    await onboard(h, seller);
    const event = FIXTURE_IDS.erasTourMetLife;
    // 10 000 − 1 000 + 5 005 − 501 = 13 504 cents
    const order = orderWithLines(buyer, [
      { sellerId: seller.id, eventId: event, price: 10_000 },
      { sellerId: seller.id, eventId: event, price: 5_005 },
    ]);
    const intent = await sellOrder(h, buyer, order);
    await endEvent(tm, event);
    const sent = await mail.waitForMessage(seller.email, /^Payout sent: \$135\.04$/, 20_000);
    const [transfer] = await transfersOf(h, order.id);
    expect(sent.Text).toContain(`We sent $135.04 to your payout account for 2 tickets you sold (order ${order.id}):`);
    expect(sent.Text).toContain('Section 1, seat 2 — $50.05');
    expect(sent.Text).toContain(`Transfer ${transfer.id}.`);

    // A redelivered order.paid settles the order again; the next sale's payout is the sentinel.
    await publishPaid(h, buyer, order, intent);
    const next = orderWithLines(buyer, [{ sellerId: seller.id, eventId: event, price: 2_000 }]);
    await sellOrder(h, buyer, next);
    await mail.waitForMessage(seller.email, /^Payout sent: \$18\.00$/, 20_000);
    expect(await withSubject(seller, /^Payout sent: \$135\.04$/)).toHaveLength(1);
  });
});
