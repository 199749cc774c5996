/**
 * Buying seats together from the event page's server action, against the real services
 * (in-process, real dev database and broker): the hold goes straight to the order's checkout,
 * and a listing that can no longer sell that many sends the buyer back to the choice.
 */
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import { waitFor } from '@bigtix/testkit';
import { newPerson } from '@bigtix/e2e/src/api-client';
import { Stack, startStack } from '@bigtix/e2e/src/stack';
import { holdListing } from '@/components/orders/listing-actions';
import { fetchEventListings } from '@/lib/api/listings';
import { setRequestCookies } from '../support/next-stubs/headers';
import { RedirectSignal } from '../support/next-stubs/navigation';

jest.setTimeout(90_000);

const EVENT = FIXTURE_IDS.hamiltonNewYork;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ only: ['auth', 'tickets', 'orders'] });
  for (const name of ['auth', 'tickets', 'orders']) process.env[`${name.toUpperCase()}_URL`] = stack.services[name].url;
});
afterAll(() => stack?.stop());

const redirectOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a redirect');
    },
    (err) => {
      if (err instanceof RedirectSignal) return err.url;
      throw err;
    },
  );

it('buys 2 seats together and goes to checkout; a quantity the listing cannot sell goes back', async () => {
  const seller = await newPerson(stack.url, 'web-seller');
  const tag = stack.iso.id;
  const made = await seller.call('POST', '/api/listings', {
    eventId: EVENT,
    section: '201',
    row: 'C',
    seats: ['5', '6', '7', '8'],
    quantity: 4,
    price: 10_000,
    splits: 'pairs',
    serials: [1, 2, 3, 4].map((i) => `WEBL-${tag}-${i}`),
  });
  expect(made.status).toBe(201);
  const offered = await fetchEventListings(EVENT, 2);
  expect(offered.map((l) => l.id)).toContain(made.body.id);
  expect((await fetchEventListings(EVENT, 1)).map((l) => l.id)).not.toContain(made.body.id);

  const buyer = await newPerson(stack.url, 'web-buyer');
  setRequestCookies({ session: buyer.cookie.split('=')[1] });
  const url = await waitFor(
    async () => {
      const to = await redirectOf(holdListing(EVENT, made.body.id, 2));
      return to.startsWith('/orders/') ? to : undefined; // 404 until orders has the seats
    },
    { what: 'the hold', timeoutMs: 20_000, intervalMs: 200 },
  );
  const order = await buyer.call('GET', url.replace('/orders/', '/api/orders/'));
  expect(order.body.tickets).toHaveLength(2);
  expect(order.body.total).toBe(2 * 11_000);
  expect(await redirectOf(holdListing(EVENT, made.body.id, 1))).toBe(
    `/events/${EVENT}?quantity=1&gone=${made.body.id}`,
  );
});
