/**
 * The world the abuse tables run against: a seller with listings, a buyer with orders in several
 * states and a payment, and a stranger. Each row that succeeds for its owner gets its own
 * resource, so the tables can run in any order without one row consuming another's fixture.
 */
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import { waitFor } from '@bigtix/testkit';
import type { Connection } from 'mongoose';
import { Person, newPerson } from '../api-client';
import type { Stack } from '../stack';
import { fingerprint } from './db-counts';

export interface Listing {
  id: string;
  price: number;
  serialNumber: string;
}

export interface Order {
  id: string;
  total: number;
}

export interface World {
  seller: Person;
  buyer: Person;
  stranger: Person;
  eventId: string;
  /** Listings nobody holds: for reads, edits, one delist, one hold and the bad-input tables. */
  tickets: { read: Listing; edit: Listing; delist: Listing; hold: Listing; spare: Listing };
  /** The buyer's orders: one to read (paid, with a payment), one each to cancel by PUT/DELETE, one to pay, one spare. */
  orders: { read: Order; cancelPut: Order; cancelDelete: Order; pay: Order; spare: Order };
  paymentId: string;
}

let serial = 0;

async function list(stack: Stack, seller: Person, label: string): Promise<Listing> {
  const serialNumber = `ABUSE-${stack.iso.id}-${label}-${++serial}`;
  const res = await seller.call('POST', '/api/tickets/create', {
    title: `Abuse ${label}`,
    price: 4_200,
    description: 'x',
    serialNumber,
    eventId: FIXTURE_IDS.hamiltonNewYork,
  });
  if (res.status !== 201) throw new Error(`listing failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, price: res.body.price, serialNumber };
}

async function hold(buyer: Person, t: Listing): Promise<Order> {
  return waitFor(
    async () => {
      const res = await buyer.call('POST', '/api/orders', { tickets: [{ ticketId: t.id, price: t.price }] });
      if (res.status === 201) return { id: res.body.id, total: res.body.total };
      if (res.status !== 404 && res.status !== 409)
        throw new Error(`hold failed: ${res.status} ${JSON.stringify(res.body)}`);
      return undefined;
    },
    { what: `a hold on ${t.id}`, timeoutMs: 20_000 },
  );
}

export async function confirmationToken(person: Person, card = 'pm_card_visa'): Promise<string> {
  const res = await person.call('POST', '/api/payments/test/confirmation-tokens', { paymentMethod: card });
  if (res.status !== 201) throw new Error(`confirmation token: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function buildWorld(stack: Stack): Promise<World> {
  const [seller, buyer, stranger] = [
    await newPerson(stack.url, 'seller'),
    await newPerson(stack.url, 'buyer'),
    await newPerson(stack.url, 'stranger'),
  ];
  const names = ['read', 'edit', 'delist', 'hold', 'spare', 'o-read', 'o-put', 'o-delete', 'o-pay', 'o-spare'] as const;
  const listed: Record<string, Listing> = {};
  for (const n of names) listed[n] = await list(stack, seller, n);
  const orders = {
    read: await hold(buyer, listed['o-read']),
    cancelPut: await hold(buyer, listed['o-put']),
    cancelDelete: await hold(buyer, listed['o-delete']),
    pay: await hold(buyer, listed['o-pay']),
    spare: await hold(buyer, listed['o-spare']),
  };
  // The order to read is paid, so there is a payment to read too.
  const payment = await waitFor(
    async () => {
      const res = await buyer.call('POST', '/api/payments/new', {
        orderId: orders.read.id,
        amount: orders.read.total,
        confirmationTokenId: await confirmationToken(buyer),
      });
      return res.status === 201 ? res.body : undefined;
    },
    { what: 'payments to know the order' },
  );
  await waitFor(async () => (await buyer.call('GET', `/api/orders/${orders.read.id}`)).body?.status === 'paid', {
    what: 'the read order paid',
  });
  await waitFor(async () => (await buyer.call('GET', `/api/tickets/${listed['o-read'].id}`)).body?.status === 'sold', {
    what: 'its ticket sold',
  });
  // Every other order reached payments (so paying one is not a "not known yet" race).
  for (const o of Object.values(orders)) {
    await waitFor(async () => (await buyer.call('GET', `/api/payments/order/${o.id}`)).status === 200, {
      what: `payments to know ${o.id}`,
    });
  }
  return {
    seller,
    buyer,
    stranger,
    eventId: FIXTURE_IDS.hamiltonNewYork,
    tickets: { read: listed.read, edit: listed.edit, delist: listed.delist, hold: listed.hold, spare: listed.spare },
    orders,
    paymentId: payment.id,
  };
}

/** Waits until no service's database is still changing (events of the set-up still propagating). */
export async function quiesce(dbs: Connection[], timeoutMs = 30_000): Promise<void> {
  let last = '';
  await waitFor(
    async () => {
      const now = (await Promise.all(dbs.map(fingerprint))).join('\n#\n');
      const stable = now === last;
      last = now;
      return stable;
    },
    { what: 'the databases to stop changing', timeoutMs, intervalMs: 400 },
  );
}
