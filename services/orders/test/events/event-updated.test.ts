/**
 * `event.updated` delivered any number of times, in any order, concurrently over the bus (two
 * service instances competing on one queue) and by direct calls (as a third replica or the
 * rescan would), racing a buyer's payment: a cancelled event ends with every open order
 * cancelled and every paid order owed back once, never both and never twice.
 */
import fc from 'fast-check';
import type { EventUpdatedData } from '@bigtix/common';
import { Types } from 'mongoose';
import { applyEventUpdate, rescanClosedEvents } from '../../src/domain/apply-event-update';
import { recordPaymentSucceeded } from '../../src/domain/record-payment-succeeded';
import { Harness, fakeUser, waitFor } from '../support/harness';

jest.setTimeout(180_000);
const h = new Harness('ordevt');
const seller = fakeUser();
const HOUR = 3600_000;

beforeAll(() =>
  h.start({ ORDER_HOLD_SECONDS: '600', EVENT_RESCAN_MS: '100000', ORDER_RATE_LIMIT_PER_IP: '10000' }, {}, 2),
);
afterAll(() => h.stop());

const at = (ms: number) => new Date(ms).toISOString();

async function orderFor(eventId: string, price: number) {
  const t = await h.listTicket(seller, price, { eventId });
  const buyer = fakeUser();
  const res = await h.order(buyer, [t]);
  expect(res.status).toBe(201);
  return { buyer, order: res.body as { id: string; total: number } };
}

async function pay(orderId: string, total: number, pi = `pi_${orderId}`) {
  await recordPaymentSucceeded(h.deps, {
    id: `pay_${orderId}`,
    orderId,
    paymentIntentId: pi,
    amount: total,
    currency: 'usd',
  });
}

type Delivery = { version: 1 | 2; via: 'bus' | 'direct' | 'rescan' };

it('cancelled, delivered in any order and any number of times: open orders cancelled, paid ones refunded once', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.record({
          version: fc.constantFrom<1 | 2>(1, 2),
          via: fc.constantFrom<Delivery['via']>('bus', 'direct', 'rescan'),
        }),
        { minLength: 0, maxLength: 6 },
      ),
      fc.boolean(),
      async (extra, racePayment) => {
        const eventId = `ev${new Types.ObjectId().toHexString()}`;
        const start = at(Date.now() + 24 * HOUR);
        const version = (v: 1 | 2): EventUpdatedData => ({
          eventId,
          status: v === 1 ? 'onsale' : 'cancelled',
          start,
          end: null,
          started: false,
          version: v,
        });
        const paid = [await orderFor(eventId, 5_000), await orderFor(eventId, 6_000)];
        for (const p of paid) await pay(p.order.id, p.order.total);
        const open = [await orderFor(eventId, 7_000), await orderFor(eventId, 8_000)];
        // The cancelled version is delivered at least once; the rest is noise.
        const deliveries: Delivery[] = [{ version: 2, via: 'direct' }, ...extra];
        const deliver = async (d: Delivery) => {
          if (d.via === 'bus') await h.publish('event.updated', d.version, version(d.version));
          else if (d.via === 'direct') await applyEventUpdate(h.deps, version(d.version));
          else {
            await applyEventUpdate(h.deps, version(d.version)).then(() => rescanClosedEvents(h.deps, 600));
          }
        };
        // The second open order's buyer pays at the same moment the cancellation is applied.
        await Promise.all([
          ...deliveries.map(deliver),
          racePayment ? pay(open[1].order.id, open[1].order.total) : Promise.resolve(),
        ]);

        const refunds = () => h.deps.eventRefunds.find({ eventId }).toArray();
        const rejectedPi = async () => h.deps.rejections.findOne({ _id: `pi_${open[1].order.id}` as never });
        await waitFor(
          async () => {
            const statuses = await Promise.all(
              [...paid, ...open].map(async (o) => (await h.deps.orders.findById(o.order.id))?.status),
            );
            return statuses.every((s) => s === 'paid' || s === 'cancelled');
          },
          { what: 'every order settled' },
        );
        // The open order that was raced either was paid first (then refunded) or cancelled first
        // (then its money is a rejected payment, refunded by payments): exactly one of the two.
        const raced = await h.deps.orders.findById(open[1].order.id);
        const refunded = new Set((await refunds()).map((r) => r.orderId as string));
        expect((await h.deps.orders.findById(open[0].order.id))?.status).toBe('cancelled');
        for (const p of paid) expect(refunded.has(p.order.id)).toBe(true);
        if (raced?.status === 'paid') {
          expect(refunded.has(open[1].order.id)).toBe(true);
          expect(await rejectedPi()).toBeNull();
        } else {
          expect(refunded.has(open[1].order.id)).toBe(false);
          if (racePayment) expect(await rejectedPi()).not.toBeNull();
        }
        // Once: one refund request per paid order, for the whole charge; one announcement each.
        const rows = await refunds();
        expect(rows).toHaveLength(refunded.size);
        for (const r of rows) {
          const order = await h.deps.orders.findById(r.orderId as string);
          expect(r.amount).toBe(order!.total);
          expect(r.events).toHaveLength(1);
          expect(r.events[0].data).toMatchObject({
            orderId: r.orderId,
            amount: order!.total,
            reason: 'event-cancelled',
          });
        }
      },
    ),
    { numRuns: 8 },
  );
});

it('started: open orders are cancelled (holds released), paid ones are kept and not refunded, new orders are refused', async () => {
  const eventId = `ev${new Types.ObjectId().toHexString()}`;
  const paid = await orderFor(eventId, 5_000);
  await pay(paid.order.id, paid.order.total);
  const open = await orderFor(eventId, 6_000);
  const spare = await h.listTicket(seller, 4_000, { eventId });
  const started: EventUpdatedData = {
    eventId,
    status: 'onsale',
    start: at(Date.now() - 60_000),
    end: null,
    started: true,
    version: 2,
  };
  await Promise.all([h.publish('event.updated', 2, started), applyEventUpdate(h.deps, started)]);
  await waitFor(async () => (await h.deps.orders.findById(open.order.id))?.status === 'cancelled');
  expect(await h.holderOf(spare.id)).toBeNull();
  expect((await h.deps.orders.findById(paid.order.id))?.status).toBe('paid');
  expect(await h.deps.eventRefunds.countDocuments({ eventId })).toBe(0);

  const refused = await h.order(fakeUser(), [spare]);
  expect(refused.status).toBe(409);
  expect(refused.body.errors[0].message).toBe(
    `Event ${eventId} has already started: its tickets can no longer be bought`,
  );
  const shown = (await h.request('GET', `/api/orders/${paid.order.id}`, paid.buyer)).body;
  expect(shown.event).toMatchObject({ eventId, status: 'onsale', started: true });
  expect(shown.refund).toBeUndefined();
});

it('a version older than what orders knows does not reopen a started event; an unknown event is open', async () => {
  const eventId = `ev${new Types.ObjectId().toHexString()}`;
  const spare = await h.listTicket(seller, 4_000, { eventId });
  const v = (version: number, started: boolean): EventUpdatedData => ({
    eventId,
    status: 'onsale',
    start: at(Date.now() + (started ? -HOUR : HOUR)),
    end: null,
    started,
    version,
  });
  await applyEventUpdate(h.deps, v(3, true));
  await applyEventUpdate(h.deps, v(2, false));
  expect((await h.order(fakeUser(), [spare])).status).toBe(409);
  const other = await h.listTicket(seller, 4_000, { eventId: `ev${new Types.ObjectId().toHexString()}` });
  expect((await h.order(fakeUser(), [other])).status).toBe(201);
});
