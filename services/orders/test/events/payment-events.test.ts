import { RetryLaterError } from '@bigtix/middleware';
import { recordPaymentSucceeded } from '../../src/domain/record-payment-succeeded';
import { Harness, fakeUser, waitFor } from '../support/harness';

jest.setTimeout(60_000);
let offsetMs = 0;
const h = new Harness('ordpay');
const seller = fakeUser();

beforeAll(() => h.start({ ORDER_HOLD_SECONDS: '60', ORDER_SWEEP_MS: '100' }, { now: () => Date.now() + offsetMs }));
afterAll(() => h.stop());

const statusOf = async (id: string, buyer: ReturnType<typeof fakeUser>) =>
  (await h.request('GET', `/api/orders/${id}`, buyer)).body;
const waitStatus = (id: string, buyer: ReturnType<typeof fakeUser>, status: string) =>
  waitFor(
    async () => {
      const o = await statusOf(id, buyer);
      return o.status === status ? o : undefined;
    },
    { what: `order ${id} ${status}` },
  );
const pay = (orderId: string, pi: string, amount: number) =>
  h.publish('payment.succeeded', 1, { id: `pay_${pi}`, orderId, paymentIntentId: pi, amount, currency: 'usd' });

it('announces every version: awaiting payment, failed back to created (hold kept), then paid', async () => {
  const t = await h.listTicket(seller, 2500);
  const buyer = fakeUser();
  const { body } = await h.order(buyer, [t]);
  await h.publish('payment.created', 1, {
    id: 'p1',
    orderId: body.id,
    paymentIntentId: 'pi_1',
    amount: 2500,
    currency: 'usd',
  });
  await waitStatus(body.id, buyer, 'awaiting:payment');
  await h.publish('payment.failed', 1, {
    id: 'p1',
    orderId: body.id,
    paymentIntentId: 'pi_1',
    message: 'card declined',
  });
  await waitStatus(body.id, buyer, 'created');
  expect(await h.holderOf(t.id)).toBe(body.id);
  // a redelivered payment.created for the failed attempt changes nothing
  await h.publish('payment.created', 1, {
    id: 'p1',
    orderId: body.id,
    paymentIntentId: 'pi_1',
    amount: 2500,
    currency: 'usd',
  });
  await h.publish('payment.created', 1, {
    id: 'p2',
    orderId: body.id,
    paymentIntentId: 'pi_2',
    amount: 2500,
    currency: 'usd',
  });
  await waitStatus(body.id, buyer, 'awaiting:payment');
  await pay(body.id, 'pi_2', body.total);
  await pay(body.id, 'pi_2', body.total); // duplicate delivery
  const paid = await waitStatus(body.id, buyer, 'paid');
  expect(paid.version).toBe(5);
  await h.waitForEvent('order.paid', body.id);
  await waitFor(() => h.eventsFor(body.id).length >= 5, { what: 'five events' });
  expect(h.eventsFor(body.id).map((e) => [e.type, e.version, (e.data as { status: string }).status])).toEqual([
    ['order.created', 1, 'created'],
    ['order.updated', 2, 'awaiting:payment'],
    ['order.updated', 3, 'created'],
    ['order.updated', 4, 'awaiting:payment'],
    ['order.paid', 5, 'paid'],
  ]);
  // A second PaymentIntent succeeding for the paid order is refused (refund).
  await pay(body.id, 'pi_other', body.total);
  const rejected = await h.waitForEvent('order.payment-rejected', body.id);
  expect(rejected.data).toMatchObject({
    paymentIntentId: 'pi_other',
    amount: body.total,
    reason: 'order already paid',
  });
  expect(h.eventsFor(body.id).filter((e) => e.type === 'order.paid')).toHaveLength(1);
});

it('rejects money for an order the buyer cancelled, so payments refunds it', async () => {
  const t = await h.listTicket(seller, 1800);
  const buyer = fakeUser();
  const { body } = await h.order(buyer, [t]);
  expect((await h.request('DELETE', `/api/orders/${body.id}`, buyer)).status).toBe(200);
  await pay(body.id, 'pi_late_cancel', body.total);
  const ev = await h.waitForEvent('order.payment-rejected', body.id);
  expect(ev.data).toEqual({
    orderId: body.id,
    paymentIntentId: 'pi_late_cancel',
    amount: body.total,
    reason: 'order cancelled',
  });
  expect((await statusOf(body.id, buyer)).status).toBe('cancelled');
  expect(h.eventsFor(body.id).some((e) => e.type === 'order.paid')).toBe(false);
});

it('keeps an unpaid order whose ticket a seller edit crossed: the hold wins, at its price', async () => {
  const a = await h.listTicket(seller, 1000);
  const b = await h.listTicket(seller, 1000);
  const buyer = fakeUser();
  const o1 = (await h.order(buyer, [a])).body;
  const o2 = (await h.order(buyer, [b])).body;
  // The tickets service accepted the seller's edits before it heard of the holds.
  await h.updateTicket(a.id, { status: 'withdrawn' });
  await h.updateTicket(b.id, { price: 1100 });
  await h.replicaAt(b.id, 2);
  await h.replicaAt(a.id, 2);
  for (const o of [o1, o2]) {
    const { body } = await h.request('GET', `/api/orders/${o.id}`, buyer);
    expect(body).toMatchObject({ status: 'created', subtotal: 1000 });
  }
  expect(await h.holderOf(a.id)).toBe(o1.id);
  expect(await h.holderOf(b.id)).toBe(o2.id);
  // Nobody else can take either meanwhile, at the old price or the new one.
  expect((await h.order(fakeUser(), [{ id: b.id, price: 1100 }])).status).toBe(409);
  // Once the buyer lets go, the re-priced ticket sells at its new price; the withdrawn one not at all.
  expect((await h.request('DELETE', `/api/orders/${o2.id}`, buyer)).status).toBe(200);
  expect((await h.request('DELETE', `/api/orders/${o1.id}`, buyer)).status).toBe(200);
  expect((await h.order(fakeUser(), [{ id: b.id, price: 1100 }])).status).toBe(201);
  expect((await h.order(fakeUser(), [a])).status).toBe(409);
});

describe('payment after expiry', () => {
  it('completes an expired order once and refunds nothing when its late success is delivered twice at once (10 rounds)', async () => {
    for (let round = 0; round < 10; round++) {
      const tickets = [await h.listTicket(seller, 3000), await h.listTicket(seller, 3000)];
      const buyer = fakeUser();
      const { body } = await h.order(buyer, tickets);
      offsetMs += 61_000;
      await waitStatus(body.id, buyer, 'expired');
      // A consumer would retry until the expiry is fully applied (holds released); wait for that.
      await waitFor(async () => (await h.deps.outcomes.findOne({ _id: body.id }))?.appliedAt, {
        what: 'expiry applied',
      });
      const success = {
        id: `pay_${body.id}`,
        orderId: body.id,
        paymentIntentId: `pi_${body.id}`,
        amount: body.total,
        currency: 'usd',
      };
      // Two relays published the same record; two consumers apply it at the same instant. A
      // consumer that is told to retry later (the other one is mid-way) gets the message again,
      // as the retry queue would deliver it.
      const consume = async () => {
        for (let attempt = 0; ; attempt++) {
          try {
            return await recordPaymentSucceeded(h.deps, success);
          } catch (err) {
            if (!(err instanceof RetryLaterError) || attempt >= 20) throw err;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
      };
      await Promise.all([consume(), consume()]);
      expect((await statusOf(body.id, buyer)).status).toBe('paid');
      expect(await h.deps.rejections.findOne({ _id: success.paymentIntentId })).toBeNull();
      for (const t of tickets) expect(await h.holderOf(t.id)).toBe(body.id);
    }
  });

  it('completes the order when every ticket can be held again', async () => {
    const t = await h.listTicket(seller, 3000);
    const buyer = fakeUser();
    const { body } = await h.order(buyer, [t]);
    offsetMs += 61_000;
    await waitStatus(body.id, buyer, 'expired');
    await pay(body.id, 'pi_late_ok', body.total);
    const paid = await waitStatus(body.id, buyer, 'paid');
    expect(paid.version).toBe(3);
    await h.waitForEvent('order.paid', body.id);
    expect(h.eventsFor(body.id).map((e) => e.type)).toEqual(['order.created', 'order.cancelled', 'order.paid']);
    expect(await h.holderOf(t.id)).toBe(body.id);
    expect((await h.order(fakeUser(), [t])).status).toBe(409);
  });

  it('rejects the money when a ticket was held by someone else meanwhile, and leaves their hold alone', async () => {
    const t = await h.listTicket(seller, 3000);
    const buyer = fakeUser();
    const { body } = await h.order(buyer, [t]);
    offsetMs += 61_000;
    await waitStatus(body.id, buyer, 'expired');
    const rival = fakeUser();
    const theirs = await h.order(rival, [t]);
    expect(theirs.status).toBe(201);
    await pay(body.id, 'pi_late_no', body.total);
    const ev = await h.waitForEvent('order.payment-rejected', body.id);
    expect(ev.data).toMatchObject({ paymentIntentId: 'pi_late_no', amount: body.total });
    expect((await statusOf(body.id, buyer)).status).toBe('expired');
    expect(await h.holderOf(t.id)).toBe(theirs.body.id);
  });
});
