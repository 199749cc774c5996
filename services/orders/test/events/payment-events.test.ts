import { Harness, fakeUser, waitFor } from '../harness';

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
  expect((await h.deps.holds.findOne({ _id: t.id }))?.orderId).toBe(body.id);
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

it('cancels an unpaid order whose ticket the seller withdrew or re-priced', async () => {
  const a = await h.listTicket(seller, 1000);
  const b = await h.listTicket(seller, 1000);
  const buyer = fakeUser();
  const o1 = (await h.order(buyer, [a])).body;
  const o2 = (await h.order(buyer, [b])).body;
  await h.updateTicket(a.id, { status: 'withdrawn' });
  await h.updateTicket(b.id, { price: 1100 });
  await waitStatus(o1.id, buyer, 'cancelled');
  await waitStatus(o2.id, buyer, 'cancelled');
  expect((await h.waitForEvent('order.cancelled', o2.id)).data).toMatchObject({ reason: 'cancelled' });
  // the re-priced ticket is free again at its new price (once the cancel has released it)
  await waitFor(async () => (await h.deps.holds.findOne({ _id: b.id })) === null, { what: 'hold released' });
  expect((await h.order(fakeUser(), [{ id: b.id, price: 1100 }])).status).toBe(201);
});

describe('payment after expiry', () => {
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
    expect((await h.deps.holds.findOne({ _id: t.id }))?.orderId).toBe(body.id);
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
    expect((await h.deps.holds.findOne({ _id: t.id }))?.orderId).toBe(theirs.body.id);
  });
});
