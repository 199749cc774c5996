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
import { changePrice, delist } from '@/components/listings/actions';
import { holdTickets } from '@/components/orders/actions';
import { listTickets } from '@/components/sell/actions';
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
const rows = (...rs: { title: string; price: string; serial: string }[]) =>
  form(
    rs.flatMap(
      (r) =>
        [
          ['title', r.title],
          ['price', r.price],
          ['serialNumber', r.serial],
          ['description', ''],
        ] as [string, string][],
    ),
  );
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
const empty = { error: null, rowErrors: {} };
let serial = 0;
const nextSerial = () => `WEB-${stack.iso.id}-${++serial}`;

async function listingsOf(p: Person) {
  return (await p.call('GET', `/api/tickets/user/${p.id}`)).body.items as {
    id: string;
    price: number;
    status: string;
  }[];
}

describe('listTickets (Sell page)', () => {
  it('names the bad row and lists nothing when any row is bad', async () => {
    const seller = await newPerson(stack.url, 'seller');
    as(seller);
    const state = await listTickets(
      EVENT,
      empty,
      rows(
        { title: 'Row 1', price: '45', serial: nextSerial() },
        { title: 'Row 2', price: 'cheap', serial: nextSerial() },
      ),
    );
    expect(state).toEqual({
      error: 'Fix the highlighted tickets.',
      rowErrors: { 1: 'Price must be an amount like 45 or 45.50' },
    });
    expect(await listingsOf(seller)).toEqual([]);
  });

  it('lists every row in cents and opens My listings', async () => {
    const seller = await newPerson(stack.url, 'seller');
    as(seller);
    const url = await redirectOf(
      listTickets(
        EVENT,
        empty,
        rows({ title: 'A', price: '45.50', serial: nextSerial() }, { title: 'B', price: '120', serial: nextSerial() }),
      ),
    );
    expect(url).toBe('/my/listings?listed=2');
    expect((await listingsOf(seller)).map((t) => t.price).sort()).toEqual([12_000, 4_550]);
  });

  it('lists a serial someone else listed like any other: their listing blocks nobody', async () => {
    const other = await newPerson(stack.url, 'other');
    const taken = nextSerial();
    as(other);
    await redirectOf(listTickets(EVENT, empty, rows({ title: 'Theirs', price: '50', serial: taken })));
    const seller = await newPerson(stack.url, 'seller');
    as(seller);
    const url = await redirectOf(
      listTickets(
        EVENT,
        empty,
        rows({ title: 'Mine', price: '50', serial: nextSerial() }, { title: 'Also mine', price: '50', serial: taken }),
      ),
    );
    expect(url).toBe('/my/listings?listed=2');
    expect(await listingsOf(seller)).toHaveLength(2);
  });

  it('sends a signed-out seller to sign in and back to this event', async () => {
    as(null);
    const url = await redirectOf(listTickets(EVENT, empty, rows({ title: 'A', price: '45', serial: nextSerial() })));
    expect(url).toBe(`/auth/signin?next=${encodeURIComponent(`/sell?eventId=${EVENT}`)}`);
  });
});

describe('changePrice and delist (My listings)', () => {
  async function oneListing() {
    const seller = await newPerson(stack.url, 'seller');
    as(seller);
    await redirectOf(listTickets(EVENT, empty, rows({ title: 'A', price: '45', serial: nextSerial() })));
    return { seller, ticket: (await listingsOf(seller))[0] };
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
    await redirectOf(listTickets(EVENT, empty, rows({ title: 'A', price: '85.50', serial: nextSerial() })));
    const [t] = await listingsOf(seller);

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
