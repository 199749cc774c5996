/**
 * The buyer and seller journey in a phone-sized Chromium against a running stack (production web
 * build): a seller lists a ticket (one seat, through the Sell page's listing form), a buyer
 * finds, holds and pays for it with the succeeding test card, sees it in My tickets, and still
 * sees it there offline. Also checks the manifest, the service worker, the offline fallback and
 * accessibility (axe) of the main pages.
 */
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  BASE_URL,
  expectVisible,
  gotoOffline,
  launch,
  phoneContext,
  seriousViolations,
  shot,
  signUp,
  stackIsUp,
  uniqueEmail,
  waitForServiceWorker,
} from './browser-kit';

jest.setTimeout(240_000);

const SEARCH = 'Eras Tour';

let browser: Browser;

beforeAll(async () => {
  if (!(await stackIsUp()))
    throw new Error(
      `No BigTix stack answers at ${BASE_URL}; start it (WEB_MODE=production make dev) or set BIGTIX_URL`,
    );
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('PWA basics', () => {
  let context: BrowserContext;
  afterAll(async () => context?.close());

  it('links a valid web app manifest with installable icons', async () => {
    context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const res = await page.request.get(new URL(href!, BASE_URL).toString());
    expect(res.ok()).toBe(true);
    const manifest = await res.json();
    expect(manifest).toMatchObject({
      name: expect.any(String),
      short_name: 'BigTix',
      display: 'standalone',
      start_url: '/',
      theme_color: expect.stringMatching(/^#/),
    });
    const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i: { purpose?: string }) => i.purpose?.includes('maskable'))).toBe(true);
    for (const icon of manifest.icons) {
      const img = await page.request.get(new URL(icon.src, BASE_URL).toString());
      expect(img.headers()['content-type']).toBe('image/png');
      const body = await img.body();
      // PNG width and height live in the IHDR chunk at bytes 16..23.
      const [w, h] = [body.readUInt32BE(16), body.readUInt32BE(20)];
      expect(`${w}x${h}`).toBe(icon.sizes);
    }
  });

  it('activates a service worker that controls the page', async () => {
    const page = await context.newPage();
    await page.goto('/');
    expect(await waitForServiceWorker(page)).toBe('activated');
  });
});

describe('buyer and seller journey on a phone', () => {
  let sellerCtx: BrowserContext;
  let buyerCtx: BrowserContext;
  const serial = `SN-${Date.now().toString(36).toUpperCase()}`;
  const seat = String(Math.floor(Math.random() * 900) + 100);
  // What tickets calls one seat of a listing (its title on the event page).
  const title = `Section 101, Row A, Seat ${seat}`;
  let eventId = '';
  let eventPath = '';

  afterAll(async () => {
    await sellerCtx?.close();
    await buyerCtx?.close();
  });

  it('a seller signs up and lists a ticket through the Sell page', async () => {
    sellerCtx = await phoneContext(browser);
    const page = await sellerCtx.newPage();
    await signUp(page, uniqueEmail('seller'), '/sell');
    await shot(page, '01-seller-signed-up');

    await page.getByLabel('Artist, team or event').fill(SEARCH);
    await page.getByRole('button', { name: 'Search' }).click();
    const firstEvent = page.getByRole('link', { name: /Sell tickets for this/ }).first();
    await firstEvent.waitFor();
    const href = (await firstEvent.getAttribute('href'))!;
    eventId = new URL(href, BASE_URL).searchParams.get('eventId')!;
    eventPath = `/events/${eventId}`;
    await shot(page, '02-seller-found-event');
    await firstEvent.click();

    // One seat: a listing of one, its serial and price.
    await page.getByLabel('Section').fill('101');
    await page.getByLabel('Row').fill('A');
    await page.getByLabel('Seat from').fill(seat);
    await page.getByLabel('Serial numbers').fill(serial);
    await page.getByLabel('Price per ticket').fill('85.50');
    await page.getByLabel('Notes (optional)').fill('Aisle seat, mobile transfer');
    await shot(page, '03-seller-filled-listing');
    await page.getByRole('button', { name: 'List ticket' }).click();

    await page.waitForURL(/\/my\/listings/);
    await page.getByTestId('listed-banner').waitFor();
    const listed = `Section 101 · Row A, seat ${seat}`;
    await page.getByTestId('listing').filter({ hasText: listed }).filter({ hasText: 'For sale' }).waitFor();
    await shot(page, '04-seller-my-listings');
    // The seller sees the listing price and what they receive after the 10 % seller fee.
    await expectVisible(
      page
        .getByTestId('listing')
        .filter({ hasText: listed })
        .getByTestId('listing-proceeds')
        .filter({ hasText: '$76.95' }),
    );
    await page.goto('/my/payouts/setup');
    await expectVisible(page.getByTestId('payout-account-status').filter({ hasText: 'Not set up' }));
    await expectVisible(page.getByRole('button', { name: 'Set up payouts with Stripe' }));
    await page.goto('/my/payouts');
    await expectVisible(page.getByText('No sales yet.'));
  });

  it('a buyer finds the event, holds the ticket, pays with the succeeding test card and gets it', async () => {
    buyerCtx = await phoneContext(browser);
    const page = await buyerCtx.newPage();
    await signUp(page, uniqueEmail('buyer'), '/');
    // The service worker must control the page before My tickets is opened, so that it keeps a copy.
    expect(await waitForServiceWorker(page)).toBe('activated');

    await page.getByLabel('Artist, team or event').fill(SEARCH);
    await page.getByRole('button', { name: 'Search' }).click();
    const eventLink = page.locator(`a[href="${eventPath}"]`).first();
    await eventLink.waitFor();
    await shot(page, '05-buyer-search-results');
    await eventLink.click();
    await page.waitForURL((u) => u.pathname === eventPath);
    // Listings reach the event page once tickets has them: poll with a deadline by reloading.
    const deadline = Date.now() + 20_000;
    while (
      !(await page.getByText(title, { exact: true }).filter({ visible: true }).first().isVisible()) &&
      Date.now() < deadline
    ) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    await expectVisible(page.getByText(title, { exact: true }));
    expect(await page.title()).toMatch(/BigTix/);
    await shot(page, '06-buyer-event-page');

    await page.getByRole('checkbox', { name: new RegExp(title) }).check();
    // Orders learns of new listings from events: until it has, the hold is refused and may be retried.
    const holdDeadline = Date.now() + 30_000;
    for (;;) {
      await page.getByRole('button', { name: 'Hold & check out' }).click();
      const outcome = await Promise.race([
        page.waitForURL(/\/orders\/[0-9a-f]{24}$/, { timeout: 20_000 }).then(() => 'held'),
        page
          .getByText('not ready for sale yet')
          .waitFor({ timeout: 20_000 })
          .then(() => 'retry'),
      ]);
      if (outcome === 'held') break;
      if (Date.now() > holdDeadline) throw new Error('orders never saw the new listing');
      await page.waitForTimeout(1000);
    }
    await page.getByTestId('hold-countdown').waitFor();
    // Listed at $85.50; the buyer pays it plus the 10 % service fee, broken down at checkout.
    await expectVisible(page.getByTestId('order-total').filter({ hasText: '$94.05' }));
    await expectVisible(page.getByTestId('order-subtotal').filter({ hasText: '$85.50' }));
    await expectVisible(page.getByTestId('order-buyer-fee').filter({ hasText: '$8.55' }));
    await shot(page, '07-buyer-hold-countdown');

    await page.getByRole('radio', { name: /payment succeeds/ }).check();
    await page.getByRole('button', { name: /^Pay \$94\.05/ }).click();
    await page.getByTestId('order-paid').waitFor({ timeout: 90_000 });
    await expectVisible(page.getByTestId('order-status').filter({ hasText: 'Paid' }));
    await shot(page, '08-buyer-order-paid');

    // Sold to the buyer once tickets has applied order.paid: poll My tickets with a deadline.
    const until = Date.now() + 30_000;
    await page.goto('/my/tickets');
    while (
      !(await page.getByTestId('serial-number').filter({ hasText: serial, visible: true }).first().isVisible()) &&
      Date.now() < until
    ) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    await expectVisible(page.getByTestId('serial-number').filter({ hasText: serial }));
    await shot(page, '09-buyer-my-tickets');
  });

  it('has no serious or critical accessibility violations on the main pages', async () => {
    const page = await buyerCtx.newPage();
    const found: Record<string, string[]> = {};
    for (const path of ['/', eventPath, '/my/tickets', '/orders', '/auth/signin', '/auth/signup', '/offline']) {
      await page.goto(path);
      await page.locator('main').waitFor();
      const v = await seriousViolations(page);
      if (v.length) found[path] = v;
    }
    // The checkout page is checked too: open the newest order.
    await page.goto('/orders');
    await page.locator('main a[href^="/orders/"]').first().click();
    await page.waitForURL(/\/orders\/[0-9a-f]{24}$/);
    const v = await seriousViolations(page);
    if (v.length) found['/orders/[id]'] = v;
    expect(found).toEqual({});
    await page.close();
  });

  it('opens My tickets offline from what the device saved', async () => {
    const page = await buyerCtx.newPage();
    await page.goto('/my/tickets');
    await expectVisible(page.getByTestId('serial-number').filter({ hasText: serial }));
    await buyerCtx.setOffline(true);
    try {
      await page.reload();
      await expectVisible(page.getByTestId('serial-number').filter({ hasText: serial }));
      await page.getByTestId('offline-banner').waitFor();
      await expectVisible(page.getByTestId('last-updated'));
      await shot(page, '10-buyer-my-tickets-offline');

      // A page this device never saved gets the offline fallback (which still lists saved tickets).
      await gotoOffline(page, (attempt) => `/sell?never-visited=${attempt}`, page.getByTestId('offline-page'));
      await expectVisible(page.getByTestId('serial-number').filter({ hasText: serial }));
      await shot(page, '11-offline-fallback');
    } finally {
      await buyerCtx.setOffline(false);
    }
    // Back online, the fallback loads the page that was asked for.
    await page.getByTestId('offline-page').waitFor({ state: 'detached', timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/sell');
    await page.locator('main').waitFor();
  });
});

it('keeps what someone typed when the network drops and comes back (no page reloads on reconnect)', async () => {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await page.goto('/');
  await waitForServiceWorker(page);
  await signUp(page, uniqueEmail('typist'), `/sell?eventId=${FIXTURE_IDS.hamiltonNewYork}`);
  const section = page.getByLabel('Section');
  await section.fill('Typed before the tunnel');
  await context.setOffline(true);
  try {
    await page.getByTestId('offline-banner').waitFor();
  } finally {
    await context.setOffline(false);
  }
  await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
  // A reload would start at once on the 'online' event; none may come within 3 s.
  const reloaded = await page.waitForEvent('framenavigated', { timeout: 3_000 }).then(
    () => true,
    () => false,
  );
  expect(reloaded).toBe(false);
  expect(await section.inputValue()).toBe('Typed before the tunnel');
  await context.close();
});
