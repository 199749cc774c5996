/**
 * Card testing: declined payments are capped per order (then the order is cancelled and its
 * ticket goes back on sale) and per user per hour (429 + Retry-After).
 */
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import { waitFor } from '@bigtix/testkit';
import { Person, newPerson } from '../../src/api-client';
import { confirmationToken } from '../../src/abuse/fixtures';
import { Stack, startStack } from '../../src/stack';

jest.setTimeout(120_000);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { MAX_DECLINED_PAYMENTS_PER_USER_PER_HOUR: '4' } });
});
afterAll(() => stack?.stop());

let serial = 0;
async function listTicket(seller: Person): Promise<{ id: string; price: number }> {
  const res = await seller.call('POST', '/api/tickets/create', {
    title: 'Balcony',
    price: 3_000,
    description: 'x',
    serialNumber: `CARD-${stack.iso.id}-${++serial}`,
    eventId: FIXTURE_IDS.hamiltonNewYork,
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function hold(buyer: Person, ticket: { id: string; price: number }): Promise<{ id: string; total: number }> {
  return waitFor(
    async () => {
      const res = await buyer.call('POST', '/api/orders', { tickets: [{ ticketId: ticket.id, price: ticket.price }] });
      if (res.status === 201) return res.body;
      if (res.status !== 404 && res.status !== 409) throw new Error(`hold: ${res.status} ${JSON.stringify(res.body)}`);
      return undefined;
    },
    { what: 'the ticket to be holdable' },
  );
}

/** Pays once the payments service knows the order (it learns of it by event). */
async function pay(buyer: Person, order: { id: string; total: number }, card: string) {
  return waitFor(
    async () => {
      const res = await buyer.call('POST', '/api/payments/new', {
        orderId: order.id,
        amount: order.total,
        confirmationTokenId: await confirmationToken(buyer, card),
      });
      return res.status === 404 ? undefined : res;
    },
    { what: 'payments to know the order' },
  );
}

it('cancels an order after 3 declined payments, refuses a 4th attempt and puts the ticket back on sale', async () => {
  const seller = await newPerson(stack.url, 'card-seller');
  const tester = await newPerson(stack.url, 'card-tester');
  const ticket = await listTicket(seller);
  const order = await hold(tester, ticket);
  for (let i = 0; i < 3; i++) {
    const declined = await pay(tester, order, 'pm_card_chargeDeclined');
    expect(declined.status).toBe(402);
  }
  const refused = await pay(tester, order, 'pm_card_visa');
  expect(refused.status).toBe(409);
  expect(refused.body.errors[0].message).toMatch(/3 declined payments/);
  await waitFor(async () => (await tester.call('GET', `/api/orders/${order.id}`)).body?.status === 'cancelled', {
    what: 'the order cancelled',
  });
  const fan = await newPerson(stack.url, 'fan');
  expect((await hold(fan, ticket)).id).toEqual(expect.any(String));
});

it('answers 429 with Retry-After once a user had 4 declines in an hour, over any orders', async () => {
  const seller = await newPerson(stack.url, 'card-seller2');
  const tester = await newPerson(stack.url, 'card-tester2');
  const orders = [await hold(tester, await listTicket(seller)), await hold(tester, await listTicket(seller))];
  for (const card of ['pm_card_chargeDeclined', 'pm_card_chargeDeclined'])
    expect((await pay(tester, orders[0], card)).status).toBe(402);
  for (const card of ['pm_card_chargeDeclined', 'pm_card_chargeDeclined'])
    expect((await pay(tester, orders[1], card)).status).toBe(402);
  const limited = await pay(tester, orders[1], 'pm_card_visa');
  expect(limited.status).toBe(429);
  const retryAfter = Number(limited.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(3600);
  expect(limited.body.errors[0].message).toMatch(/declined payments/);
  // Another user is not affected.
  const honest = await newPerson(stack.url, 'honest');
  const ok = await pay(honest, await hold(honest, await listTicket(seller)), 'pm_card_visa');
  expect(ok.status).toBe(201);
});
