import { createOrder } from '../../src/domain/create-order';
import { claimOutcome } from '../../src/domain/outcomes';
import { Harness, fakeUser, waitFor } from '../support/harness';

jest.setTimeout(60_000);
const h = new Harness('ordcrash');
const seller = fakeUser();

// A buyer waits at most 50 ms for a ticket whose order is still being created (here: never).
beforeAll(() =>
  h.start({
    ORDER_ORPHAN_GRACE_SECONDS: '1',
    ORDER_REPAIR_AFTER_MS: '300',
    ORDER_SWEEP_MS: '100',
    ORDER_HOLD_WAIT_MS: '50',
  }),
);
afterAll(() => h.stop());

it('a crash between taking the holds and storing the order: the sweeper releases the holds after the grace period', async () => {
  const a = await h.listTicket(seller, 1000);
  const b = await h.listTicket(seller, 2000);
  const buyer = fakeUser();
  const crash = new Error('process died');
  await expect(
    createOrder(
      h.deps,
      buyer,
      {
        tickets: [
          { ticketId: a.id, price: 1000 },
          { ticketId: b.id, price: 2000 },
        ],
      },
      {
        afterHolds: () => {
          throw crash;
        },
      },
    ),
  ).rejects.toBe(crash);
  // Right after the crash the holds still exist: the tickets are not holdable...
  const holders = await h.holders([a.id, b.id]);
  expect(holders.size).toBe(2);
  const holds = [...holders.values()].map((orderId) => ({ orderId }));
  expect((await h.order(fakeUser(), [a])).status).toBe(409);
  // ...until the orphan sweep gives them back; no order was ever published.
  const other = fakeUser();
  const res = await waitFor(
    async () => {
      const r = await h.order(other, [a, b]);
      return r.status === 201 ? r : undefined;
    },
    { timeoutMs: 15_000, what: 'tickets holdable again' },
  );
  expect(res.body.tickets).toHaveLength(2);
  const orphan = await h.deps.outcomes.findOne({ _id: holds[0].orderId });
  expect(orphan?.outcome).toBe('abandoned');
  expect(h.eventsFor(holds[0].orderId)).toEqual([]);
});

it('a crash right after the cancel outcome was claimed: the order is brought to cancelled, announced, and its hold released', async () => {
  const t = await h.listTicket(seller, 1000);
  const buyer = fakeUser();
  const { body } = await h.order(buyer, [t]);
  // The claim is written, then the process "dies": nothing else happens.
  const { won } = await claimOutcome(h.deps, body.id, body.id, 'cancelled', { reason: 'cancelled by the buyer' });
  expect(won).toBe(true);
  expect((await h.deps.orders.findById(body.id))?.status).toBe('created');

  const ev = await h.waitForEvent('order.cancelled', body.id, 15_000);
  expect(ev).toMatchObject({ version: 2, data: { reason: 'cancelled' } });
  expect((await h.request('GET', `/api/orders/${body.id}`, buyer)).body.status).toBe('cancelled');
  await waitFor(async () => (await h.holderOf(t.id)) === null, { what: 'hold released' });
  expect((await h.order(fakeUser(), [t])).status).toBe(201);
  expect((await h.deps.outcomes.findOne({ _id: body.id }))?.appliedAt).toBeInstanceOf(Date);
});

it('a crash right after the paid outcome was claimed: the order becomes paid, order.paid goes out, the hold is kept', async () => {
  const t = await h.listTicket(seller, 1000);
  const buyer = fakeUser();
  const { body } = await h.order(buyer, [t]);
  await claimOutcome(h.deps, body.id, body.id, 'paid', { paymentIntentId: 'pi_crashy', amount: 1000 });

  const ev = await h.waitForEvent('order.paid', body.id, 15_000);
  expect(ev).toMatchObject({ version: 2, data: { paymentIntentId: 'pi_crashy', status: 'paid' } });
  expect((await h.request('GET', `/api/orders/${body.id}`, buyer)).body.status).toBe('paid');
  expect(await h.holderOf(t.id)).toBe(body.id);
  expect((await h.order(fakeUser(), [t])).status).toBe(409);
});
