import { Harness, fakeUser, waitFor } from '../support/harness';

jest.setTimeout(60_000);
const h = new Harness('ordexpiry');
const seller = fakeUser();

beforeAll(() => h.start({ ORDER_HOLD_SECONDS: '1', ORDER_SWEEP_MS: '100' }));
afterAll(() => h.stop());

it('expires an unpaid order past expiresAt, publishes order.cancelled (expired) and lets another buyer hold the ticket', async () => {
  const ticket = await h.listTicket(seller, 4200);
  const buyer = fakeUser();
  const created = await h.order(buyer, [ticket]);
  expect(created.status).toBe(201);
  expect(Date.parse(created.body.expiresAt) - Date.parse(created.body.createdAt)).toBe(1000);

  const expired = await waitFor(
    async () => {
      const res = await h.request('GET', `/api/orders/${created.body.id}`, buyer);
      return res.body.status === 'expired' ? res.body : undefined;
    },
    { timeoutMs: 10_000, what: 'order expired' },
  );
  expect(expired.version).toBe(2);
  const event = await h.waitForEvent('order.cancelled', created.body.id);
  expect(event).toMatchObject({
    version: 2,
    data: { status: 'expired', reason: 'expired', tickets: [{ ticketId: ticket.id }] },
  });

  // The order document turns expired a moment before its holds are released (see README), so poll.
  const other = fakeUser();
  const theirs = await waitFor(
    async () => {
      const res = await h.order(other, [ticket]);
      return res.status === 201
        ? res
        : res.status === 409
          ? undefined
          : Promise.reject(new Error(`answered ${res.status}`));
    },
    { timeoutMs: 5_000, what: 'ticket holdable again' },
  );
  expect(theirs.body.tickets[0].ticketId).toBe(ticket.id);
  // The buyer can no longer cancel what has expired.
  expect((await h.request('DELETE', `/api/orders/${created.body.id}`, buyer)).status).toBe(409);
});

it('does not expire a paid order', async () => {
  const ticket = await h.listTicket(seller, 100);
  const buyer = fakeUser();
  const { body } = await h.order(buyer, [ticket]);
  await h.publish('payment.succeeded', 1, {
    id: 'pay1',
    orderId: body.id,
    paymentIntentId: 'pi_paid_fast',
    amount: body.total,
    currency: 'usd',
  });
  await h.waitForEvent('order.paid', body.id);
  // Well past the hold: still paid, and the ticket cannot be held again.
  await waitFor(() => Date.now() > Date.parse(body.expiresAt) + 500, { what: 'hold time passed' });
  expect((await h.request('GET', `/api/orders/${body.id}`, buyer)).body.status).toBe('paid');
  expect((await h.order(fakeUser(), [ticket])).status).toBe(409);
});
