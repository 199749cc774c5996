/**
 * The server actions against the real services (every service in-process on the real dev
 * database and broker, isolated for this file), as Next would call them: with the browser's
 * session cookie and a FormData. Only Next's request-scoped APIs are stood in for.
 */
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import { waitFor } from '@bigtix/testkit';
import { Person, newPerson } from '@bigtix/e2e/src/api-client';
import { Stack, startStack } from '@bigtix/e2e/src/stack';
import { signIn } from '@/components/auth/actions';
import { changePrice, delist, delistGroup, repriceGroup } from '@/components/listings/actions';
import { holdTickets } from '@/components/orders/actions';
import { listSeats } from '@/components/sell/actions';
import { revalidated } from '../support/next-stubs/cache';
import { cookies, setRequestCookies } from '../support/next-stubs/headers';
import { RedirectSignal } from '../support/next-stubs/navigation';

jest.setTimeout(60_000);

const EVENT = FIXTURE_IDS.hamiltonNewYork;
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ only: ['auth', 'tickets', 'orders'] });
  for (const name of ['auth', 'tickets', 'orders']) process.env[`${name.toUpperCase()}_URL`] = stack.services[name].url;
});
afterAll(() => stack?.stop());

const as = (p: Person | null) => setRequestCookies(p ? { session: p.cookie.split('=')[1] } : {});
const form = (fields: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of fields) f.append(k, v);
  return f;
};
const redirectOf = (p: Promise<unknown>) =>
  p.then(
    (v) => {
      throw new Error(`expected a redirect, got ${JSON.stringify(v)}`);
    },
    (err) => {
      if (err instanceof RedirectSignal) return err.url;
      throw err;
    },
  );
const empty = { error: null, fieldErrors: {} };
let serial = 0;
const nextSerial = () => `WEB-${stack.iso.id}-${++serial}`;

async function listingsOf(p: Person) {
  return (await p.call('GET', `/api/tickets/user/${p.id}`)).body.items as {
    id: string;
    price: number;
    status: string;
    listingId?: string;
    seat?: string | null;
  }[];
}

/** A single ticket, as the API (and the CLI) still list them. */
async function oneTicket(p: Person, price = 4_500) {
  const res = await p.call('POST', '/api/tickets/create', {
    title: 'A',
    price,
    description: '',
    serialNumber: nextSerial(),
    eventId: EVENT,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; price: number };
}

/** The Sell form for 4 seats in a row, as the browser posts it. */
const sellForm = (overrides: Record<string, string> = {}, serials = [1, 2, 3, 4].map(() => nextSerial())) =>
  form(
    Object.entries({
      section: '112',
      seating: 'seated',
      row: 'F',
      seatFrom: '7',
      seatThru: '10',
      seatStep: '1',
      serials: serials.join('; '),
      splits: 'pairs',
      price: '85.50',
      delivery: 'mobile_transfer',
      notes: 'Aisle',
      ...overrides,
    }),
  );

describe('listSeats (Sell page)', () => {
  it('lists one group: a seat and its serial per ticket, in cents, and opens My listings', async () => {
    const seller = await newPerson(stack.url, 'seller');
    as(seller);
    const serials = [1, 2, 3, 4].map(() => nextSerial());
    const url = await redirectOf(listSeats(EVENT, empty, sellForm({}, serials)));
    expect(url).toBe('/my/listings?listed=4');
    const [group] = (await seller.call('GET', '/api/listings/mine')).body.items;
    expect(group).toMatchObject({
      section: '112',
      row: 'F',
      seats: ['7', '8', '9', '10'],
      quantity: 4,
      available: 4,
      price: 8_550,
      splits: 'pairs',
      notes: 'Aisle',
    });
    const seats = (await listingsOf(seller)).filter((t) => t.listingId === group.id);
    expect(seats.map((t) => t.seat).sort()).toEqual(['10', '7', '8', '9']);
  });

  it('names the field and lists nothing when the serials do not match the seats', async () => {
    const seller = await newPerson(stack.url, 'seller');
    as(seller);
    const state = await listSeats(EVENT, empty, sellForm({ serials: `${nextSerial()}; ${nextSerial()}` }));
    expect(state).toEqual({
      error: 'Fix the highlighted fields. Nothing was listed.',
      fieldErrors: { serials: 'Enter 4 serial numbers, one per seat separated by ";" (you entered 2)' },
    });
    expect(await listingsOf(seller)).toEqual([]);
  });

  it('shows the listings API’s refusal of a serial listed already next to the serials, and sells nothing more', async () => {
    const seller = await newPerson(stack.url, 'seller');
    as(seller);
    const serials = [1, 2, 3, 4].map(() => nextSerial());
    await redirectOf(listSeats(EVENT, empty, sellForm({}, serials)));
    // The same serials again, in another row: the API refuses the seller's own copies.
    const state = await listSeats(EVENT, empty, sellForm({ row: 'G' }, serials));
    expect(state.error).toBe('Fix the highlighted fields. Nothing was listed.');
    expect(state.fieldErrors).toEqual({
      serials: expect.stringMatching(/^A serial of this listing is already listed/),
    });
    const mine = (await seller.call('GET', '/api/listings/mine')).body.items as { row: string; available: number }[];
    expect(mine.filter((l) => l.available > 0).map((l) => [l.row, l.available])).toEqual([['F', 4]]);
  });

  it('says a cancelled event cannot be listed', async () => {
    as(await newPerson(stack.url, 'seller'));
    const state = await listSeats(FIXTURE_IDS.cancelled, empty, sellForm());
    expect(state.fieldErrors).toEqual({});
    expect(state.error).toMatch(/cancel/i);
  });

  it('sends a signed-out seller to sign in and back to this event', async () => {
    as(null);
    const url = await redirectOf(listSeats(EVENT, empty, sellForm()));
    expect(url).toBe(`/auth/signin?next=${encodeURIComponent(`/sell?eventId=${EVENT}`)}`);
  });
});

describe('repriceGroup and delistGroup (My listings)', () => {
  async function oneGroup() {
    const seller = await newPerson(stack.url, 'seller');
    as(seller);
    await redirectOf(listSeats(EVENT, empty, sellForm()));
    const [group] = (await seller.call('GET', '/api/listings/mine')).body.items;
    return { seller, group: group as { id: string } };
  }
  const seatsOf = async (seller: Person, id: string) => (await listingsOf(seller)).filter((t) => t.listingId === id);

  it('re-prices every seat of the group in cents and refreshes My listings', async () => {
    const { seller, group } = await oneGroup();
    revalidated.length = 0;
    expect(await repriceGroup(group.id, '90')).toEqual({ error: null });
    expect((await seatsOf(seller, group.id)).map((t) => t.price)).toEqual([9_000, 9_000, 9_000, 9_000]);
    expect(revalidated).toEqual(['/my/listings']);
    expect(await repriceGroup(group.id, 'free')).toEqual({ error: 'Enter a price like 45 or 45.50.' });
  });

  it('withdraws every seat; a stranger is told no and changes nothing', async () => {
    const { seller, group } = await oneGroup();
    as(await newPerson(stack.url, 'stranger'));
    expect((await delistGroup(group.id)).error).toBeTruthy();
    expect((await seatsOf(seller, group.id)).every((t) => t.status === 'available')).toBe(true);
    as(seller);
    expect(await delistGroup(group.id)).toEqual({ error: null });
    expect((await seatsOf(seller, group.id)).map((t) => t.status)).toEqual(Array(4).fill('withdrawn'));
  });
});

describe('changePrice and delist (a single ticket on My listings)', () => {
  async function oneListing() {
    const seller = await newPerson(stack.url, 'seller');
    as(seller);
    return { seller, ticket: await oneTicket(seller) };
  }

  it('re-prices in cents and refreshes My listings', async () => {
    const { seller, ticket } = await oneListing();
    revalidated.length = 0;
    expect(await changePrice(ticket.id, '52.25')).toEqual({ error: null });
    expect((await listingsOf(seller))[0].price).toBe(5_225);
    expect(revalidated).toEqual(['/my/listings']);
  });

  it('refuses a price that is not an amount, changing nothing', async () => {
    const { seller, ticket } = await oneListing();
    expect(await changePrice(ticket.id, 'free')).toEqual({ error: 'Enter a price like 45 or 45.50.' });
    expect((await listingsOf(seller))[0].price).toBe(4_500);
  });

  it('tells a stranger the service’s refusal, and changes nothing', async () => {
    const { seller, ticket } = await oneListing();
    as(await newPerson(stack.url, 'stranger'));
    expect((await changePrice(ticket.id, '1')).error).toMatch(/owner/);
    expect((await delist(ticket.id)).error).toMatch(/owner/);
    expect((await listingsOf(seller))[0]).toMatchObject({ price: 4_500, status: 'available' });
  });

  it('delists', async () => {
    const { seller, ticket } = await oneListing();
    expect(await delist(ticket.id)).toEqual({ error: null });
    expect((await listingsOf(seller))[0].status).toBe('withdrawn');
  });
});

describe('holdTickets (event page)', () => {
  const noHold = { error: null, unavailable: [] };

  it('holds the picked ticket at the price the buyer saw and opens the order; a second buyer is told it is gone', async () => {
    const seller = await newPerson(stack.url, 'seller');
    as(seller);
    const t = await oneTicket(seller, 8_550);

    const buyer = await newPerson(stack.url, 'buyer');
    as(buyer);
    const pick = form([['ticket', `${t.id}:${t.price}`]]);
    // Orders learns of the listing from an event: until then the action says "not ready yet".
    const url = await waitFor(
      async () => {
        const r = await holdTickets(EVENT, noHold, pick).catch((err) => err);
        if (r instanceof RedirectSignal) return r.url;
        if (r instanceof Error) throw r;
        expect(r.error).toMatch(/not ready for sale yet/);
        return undefined;
      },
      { what: 'the hold', timeoutMs: 20_000, intervalMs: 100 },
    );
    expect(url).toMatch(/^\/orders\/[0-9a-f]{24}$/);
    const order = (await buyer.call('GET', `/api/orders/${url.split('/')[2]}`)).body;
    expect(order).toMatchObject({ status: 'created', subtotal: 8_550, total: 9_405 });

    as(await newPerson(stack.url, 'late'));
    const state = await holdTickets(EVENT, noHold, pick);
    expect(state.unavailable).toEqual([t.id]);
    expect(state.error).toMatch(/Someone else got there first/);
  });

  it('asks for a pick, and sends a signed-out buyer to sign in', async () => {
    as(await newPerson(stack.url, 'buyer'));
    expect(await holdTickets(EVENT, noHold, form([['ticket', 'not-a-ticket:12']]))).toEqual({
      error: 'Choose at least one ticket.',
      unavailable: [],
    });
    as(null);
    expect(await redirectOf(holdTickets(EVENT, noHold, form([])))).toBe(
      `/auth/signin?next=${encodeURIComponent(`/events/${EVENT}`)}`,
    );
  });
});

describe('signIn', () => {
  it('keeps the session cookie auth set and follows only a same-site next', async () => {
    const person = await newPerson(stack.url, 'signin');
    as(null);
    const f = (next: string) =>
      form([
        ['email', person.email],
        ['password', person.password],
        ['next', next],
      ]);
    expect(await redirectOf(signIn({ error: null, email: '' }, f('/orders')))).toBe('/orders');
    expect((await cookies()).get('session')?.value).toMatch(/^ey/);
    expect(await redirectOf(signIn({ error: null, email: '' }, f('//evil.example/x')))).toBe('/');
  });

  it('answers a wrong password with the service’s message, setting no cookie', async () => {
    const person = await newPerson(stack.url, 'signin');
    as(null);
    const state = await signIn(
      { error: null, email: '' },
      form([
        ['email', person.email],
        ['password', 'wrong-password'],
      ]),
    );
    expect(state).toEqual({ error: 'Invalid email or password', email: person.email });
    expect((await cookies()).get('session')).toBeUndefined();
  });
});
