/**
 * A shared device, in one Chromium profile with the service worker active: A signs in, opens My
 * tickets (the device saves them) and public pages (the worker caches them, header and email
 * included), then signs out. Nothing of A's is left in Cache Storage, IndexedDB or localStorage,
 * and B, signing in next on the same profile, sees none of A's tickets, online or offline. Then
 * the same when A's session just ends without a sign-out: the sign-in form starts B clean.
 * A's purchase is made over the API (the journey test covers buying in the browser).
 */
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import { waitFor } from '@bigtix/testkit';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Person, newPerson } from '../../src/api-client';
import { BASE_URL, gotoOffline, launch, phoneContext, shot, stackIsUp, waitForServiceWorker } from './browser-kit';

jest.setTimeout(240_000);

const EVENT = FIXTURE_IDS.hamiltonNewYork;
let browser: Browser;
let seller: Person;

beforeAll(async () => {
  if (!(await stackIsUp()))
    throw new Error(
      `No BigTix stack answers at ${BASE_URL}; start it (WEB_MODE=production make dev) or set BIGTIX_URL`,
    );
  browser = await launch();
  seller = await newPerson(BASE_URL, 'device-seller');
});
afterAll(async () => browser?.close());

/** `buyer` owns a freshly listed ticket with this serial (hold, pay with the succeeding test card, sold). */
async function buyTicket(buyer: Person, serialNumber: string): Promise<void> {
  const listed = await seller.call('POST', '/api/tickets/create', {
    title: `Shared device ${serialNumber}`,
    price: 2_500,
    serialNumber,
    eventId: EVENT,
  });
  expect(listed.status).toBe(201);
  const order = await waitFor(
    async () => {
      const res = await buyer.call('POST', '/api/orders', { tickets: [{ ticketId: listed.body.id, price: 2_500 }] });
      if (res.status === 201) return res.body as { id: string; total: number };
      if (res.status !== 404 && res.status !== 409) throw new Error(`hold: ${res.status} ${JSON.stringify(res.body)}`);
      return undefined;
    },
    { what: 'a hold on the new listing', timeoutMs: 30_000 },
  );
  await waitFor(
    async () => {
      const token = await buyer.call('POST', '/api/payments/test/confirmation-tokens', {
        paymentMethod: 'pm_card_visa',
      });
      const res = await buyer.call('POST', '/api/payments/new', {
        orderId: order.id,
        amount: order.total,
        confirmationTokenId: token.body.id,
      });
      return res.status === 201 || res.status === 200;
    },
    { what: 'payments to take the payment', timeoutMs: 30_000 },
  );
  await waitFor(async () => (await buyer.call('GET', `/api/tickets/${listed.body.id}`)).body?.status === 'sold', {
    what: 'the ticket sold to the buyer',
    timeoutMs: 60_000,
  });
}

async function signIn(page: Page, who: Person, next = '/') {
  await page.goto(`/auth/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === next, { timeout: 20_000 });
  await page.getByTestId('signed-in-as').filter({ hasText: who.email }).first().waitFor();
}

/** My tickets until it lists `serial` (order.paid reaches tickets asynchronously); the device saves the list. */
async function openMyTickets(page: Page, serial: string) {
  await page.goto('/my/tickets');
  const shown = page.getByTestId('serial-number').filter({ hasText: serial, visible: true }).first();
  const until = Date.now() + 30_000;
  while (!(await shown.isVisible()) && Date.now() < until) {
    await page.waitForTimeout(500);
    await page.reload();
  }
  await shown.waitFor({ timeout: 5_000 });
}

// The page's own storage globals, used only inside page.evaluate (this workspace compiles
// without the DOM lib).
interface IdbRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface Idb {
  objectStoreNames: ArrayLike<string>;
  transaction(store: string, mode: 'readonly'): { objectStore(name: string): { getAll(): IdbRequest<unknown[]> } };
  close(): void;
}
declare const indexedDB: { databases(): Promise<{ name?: string }[]>; open(name: string): IdbRequest<Idb> };
declare const caches: {
  keys(): Promise<string[]>;
  open(name: string): Promise<{ keys(): Promise<Request[]>; match(req: Request): Promise<Response | undefined> }>;
};
declare const localStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null };

/**
 * Every string the device keeps where a page can reach it: each Cache Storage entry's URL and
 * text body (pages, RSC payloads, JSON), each IndexedDB record, each localStorage item.
 */
async function deviceContents(page: Page): Promise<{ caches: string[]; text: string }> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    const names = await caches.keys();
    for (const name of names) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        parts.push(req.url);
        const res = await cache.match(req);
        const type = res?.headers.get('content-type') ?? '';
        if (res && /html|json|text|x-component/.test(type)) parts.push(await res.text());
      }
    }
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<Idb>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        parts.push(JSON.stringify(all));
      }
      db.close();
    }
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      parts.push(key, localStorage.getItem(key) ?? '');
    }
    return { caches: names, text: parts.join('\n') };
  });
}

const tracesOf = (text: string, person: Person, serial: string) =>
  [person.email, person.id, serial].filter((s) => text.includes(s));

async function expectNoSavedTickets(page: Page, serial: string) {
  await page
    .getByText(/not bought any tickets yet|No tickets are saved on this device/)
    .first()
    .waitFor();
  expect(await page.getByTestId('serial-number').filter({ hasText: serial }).count()).toBe(0);
}

describe('a shared device', () => {
  let context: BrowserContext;
  afterAll(async () => context?.close());

  it('keeps nothing of A after A signs out, and shows B none of A’s tickets, online or offline', async () => {
    const [a, b] = [await newPerson(BASE_URL, 'device-a'), await newPerson(BASE_URL, 'device-b')];
    const serialA = `DEV-A-${Date.now().toString(36).toUpperCase()}`;
    await buyTicket(a, serialA);

    context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    await waitForServiceWorker(page);
    await signIn(page, a);
    await openMyTickets(page, serialA);
    // A's own tickets still open offline (from the device copy, through the fallback page).
    await context.setOffline(true);
    try {
      await gotoOffline(page, '/my/tickets', page.getByTestId('offline-page'));
      await page.getByTestId('serial-number').filter({ hasText: serialA }).first().waitFor();
      await page.getByTestId('last-updated').waitFor();
    } finally {
      await context.setOffline(false);
    }
    // Back online, the fallback loads the page that was asked for by itself (and no other page
    // reloads on reconnect, so the navigation below is not cut short by one).
    await page.getByTestId('offline-page').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('signed-in-as').filter({ hasText: a.email }).first().waitFor();
    // Public pages the worker caches while A is signed in (they carry A's email in the header).
    await page.goto('/');
    await page.goto(`/events/${EVENT}`);
    await page.getByTestId('signed-in-as').first().waitFor();
    const whileSignedIn = await deviceContents(page);
    // The check below can see A's data: here it must find it (the saved tickets at least).
    expect(tracesOf(whileSignedIn.text, a, serialA)).toEqual(expect.arrayContaining([a.id, serialA]));
    await shot(page, 'shared-device-01-a-signed-in');

    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    const afterSignOut = await deviceContents(page);
    expect(tracesOf(afterSignOut.text, a, serialA)).toEqual([]);
    expect(afterSignOut.caches).not.toContain('pages-private');

    await signIn(page, b, '/my/tickets');
    await expectNoSavedTickets(page, serialA);
    await shot(page, 'shared-device-02-b-my-tickets');

    await context.setOffline(true);
    try {
      await gotoOffline(page, '/my/tickets', page.getByTestId('offline-page'));
      await expectNoSavedTickets(page, serialA);
      await gotoOffline(page, '/offline', page.getByTestId('offline-page'));
      await expectNoSavedTickets(page, serialA);
      // A cached public page shows no one's email but B's.
      await gotoOffline(page, '/', page.locator('main'));
      expect(await page.locator('body').innerText()).not.toContain(a.email);
      await shot(page, 'shared-device-03-b-offline');
    } finally {
      await context.setOffline(false);
    }
    await page.goto('/my/tickets');
    await expectNoSavedTickets(page, serialA);
    expect(tracesOf((await deviceContents(page)).text, a, serialA)).toEqual([]);
  });

  it('starts the next user clean when the last session ended without a sign-out', async () => {
    const [a, b] = [await newPerson(BASE_URL, 'device-a2'), await newPerson(BASE_URL, 'device-b2')];
    const serialA = `DEV-A2-${Date.now().toString(36).toUpperCase()}`;
    await buyTicket(a, serialA);
    const ctx = await phoneContext(browser);
    try {
      const page = await ctx.newPage();
      await page.goto('/');
      await waitForServiceWorker(page);
      await signIn(page, a);
      await openMyTickets(page, serialA);
      // The session ends (expired or revoked elsewhere): the cookie is gone, the device copy is not.
      await ctx.clearCookies();
      await page.goto('/auth/signin');
      await page.getByLabel('Email').waitFor();
      await waitFor(async () => tracesOf((await deviceContents(page)).text, a, serialA).length === 0, {
        what: 'the sign-in form to forget what the last user left',
        timeoutMs: 10_000,
      });
      await signIn(page, b, '/my/tickets');
      await expectNoSavedTickets(page, serialA);
      await ctx.setOffline(true);
      try {
        await gotoOffline(page, '/offline', page.getByTestId('offline-page'));
        await expectNoSavedTickets(page, serialA);
      } finally {
        await ctx.setOffline(false);
      }
    } finally {
      await ctx.close();
    }
  });
});
