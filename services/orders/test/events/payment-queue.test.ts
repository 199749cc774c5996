import { TicketEventData } from '@bigtix/common';
import { Harness, fakeUser, ticketData, waitFor } from '../support/harness';

jest.setTimeout(120_000);
const h = new Harness('ordflood');
const seller = fakeUser();
const FLOOD = 2_000;

beforeAll(() => h.start());
afterAll(() => h.stop());

const listing = (): TicketEventData => ticketData(seller, { title: 'Bulk seat', price: 1000 });

it('applies a payment while thousands of new listings still wait in the tickets queue', async () => {
  const t = await h.listTicket(seller, 2500);
  const buyer = fakeUser();
  const { body: order } = await h.order(buyer, [t]);
  await h.publish('payment.created', 1, {
    id: 'p1',
    orderId: order.id,
    paymentIntentId: 'pi_flood',
    amount: order.total,
    currency: 'usd',
  });
  await h.waitForEvent('order.updated', order.id);

  // A bulk listing's worth of ticket.created, all published before the payment.
  for (let i = 0; i < FLOOD; i += 500)
    await Promise.all(
      Array.from({ length: Math.min(500, FLOOD - i) }, () => h.publish('ticket.created', 1, listing())),
    );
  await h.publish('payment.succeeded', 1, {
    id: 'pay_flood',
    orderId: order.id,
    paymentIntentId: 'pi_flood',
    amount: order.total,
    currency: 'usd',
  });
  await h.waitForEvent('order.paid', order.id, 30_000);
  const replicated = await h.deps.tickets.countDocuments({ title: 'Bulk seat' });
  // On one queue the payment would only be applied after every listing ahead of it.
  expect(replicated).toBeLessThan(FLOOD);

  // And the flood is not lost: every listing arrives.
  await waitFor(async () => (await h.deps.tickets.countDocuments({ title: 'Bulk seat' })) === FLOOD, {
    what: `all ${FLOOD} listings in the replica`,
    timeoutMs: 100_000,
    intervalMs: 1000,
  });
});

it('exposes the dead-letter counter on /metrics', async () => {
  const res = await fetch(`${h.url}/metrics`);
  expect(await res.text()).toMatch(/# TYPE bigtix_dead_letters_total counter/);
});
