/**
 * Seats together, in a phone-sized Chromium against the browser suite's stack: a seller lists a
 * group of 4 seats through the Sell page (a miscounted serial list is refused next to its field
 * first), a buyer asks for 2 on the event page, buys them with the succeeding test card, and sees
 * both seats (section, row, seat) with their serials in My tickets, online and offline. The event
 * page shows Ticketmaster's seat map when the event has one (the fake serves it, and the page's
 * Content-Security-Policy lets it load), and none when it has not.
 */
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  BASE_URL,
  PHONE,
  expectVisible,
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

const EVENT = FIXTURE_IDS.withSeatmap;
const tag = Date.now().toString(36).toUpperCase();
// A section nobody else lists, so this test finds its own group among the suite's listings.
const SECTION = `S${tag.slice(-5)}`;
const ROW = 'B';
const serialOf = (seat: number) => `SEAT-${tag}-${seat}`;

let browser: Browser;
let sellerCtx: BrowserContext;
let buyerCtx: BrowserContext;

beforeAll(async () => {
  if (!(await stackIsUp())) throw new Error(`No BigTix stack answers at ${BASE_URL}`);
  browser = await launch();
});
afterAll(async () => {
  await sellerCtx?.close();
  await buyerCtx?.close();
  await browser?.close();
});

async function noSidewaysScroll(page: Page) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll).toBeLessThanOrEqual(width);
}

it('a seller lists 4 seats in a row through the Sell page, after fixing a miscounted serial list', async () => {
  sellerCtx = await phoneContext(browser);
  const page = await sellerCtx.newPage();
  await signUp(page, uniqueEmail('seats-seller'), `/sell?eventId=${EVENT}`);

  await page.getByLabel('Section').fill(SECTION);
  await page.getByLabel('Row').fill(ROW);
  await page.getByLabel('Seat from').fill('1');
  await page.getByLabel('Seat thru').fill('4');
  await expectVisible(page.getByTestId('sell-seat-summary').filter({ hasText: '4 seats: 1, 2, 3, 4' }));
  // Three serials for four seats: the server's check answers next to the field, nothing is listed.
  await page.getByLabel('Serial numbers').fill([1, 2, 3].map(serialOf).join('; '));
  await page.getByLabel('Price per ticket').fill('85.50');
  // The fee functions the listings API prices with: 85.50 + 10 % and − 10 %.
  await expectVisible(page.getByTestId('sell-buyer-price').filter({ hasText: '$94.05' }));
  await expectVisible(page.getByTestId('sell-proceeds').filter({ hasText: '$76.95' }));
  await page.getByLabel('Face value per ticket (optional)').fill('120');
  await page.getByLabel('In hand by (optional)').fill('2030-01-15');
  await page.getByLabel('Sell them').selectOption('pairs');
  await page.getByLabel('Delivery').selectOption('pdf');
  await page.getByLabel('Includes parking').check();
  await page.getByLabel('Notes (optional)').fill('Aisle seats');
  await page.getByRole('button', { name: 'List 4 tickets' }).click();
  await expectVisible(page.getByText('Enter 4 serial numbers, one per seat separated by ";" (you entered 3)'));
  await expectVisible(page.getByTestId('sell-error'));
  expect(new URL(page.url()).pathname).toBe('/sell');
  await noSidewaysScroll(page);
  // The form with its server-side messages shown is still accessible.
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, 'seats-01-sell-miscounted');
  // The smallest phone the suite checks: the form still fits.
  await page.setViewportSize({ width: 360, height: 800 });
  await noSidewaysScroll(page);
  await page.setViewportSize(PHONE.viewport);

  // What was typed is still there: only the serials need fixing.
  expect(await page.getByLabel('Section').inputValue()).toBe(SECTION);
  await page.getByLabel('Serial numbers').fill([1, 2, 3, 4].map(serialOf).join('; '));
  await page.getByRole('button', { name: 'List 4 tickets' }).click();
  await page.waitForURL(/\/my\/listings\?listed=4/, { timeout: 20_000 });
  const group = page.getByTestId('listing').filter({ hasText: `Section ${SECTION}` });
  await expectVisible(group.filter({ hasText: `Row ${ROW}, seats 1–4` }).filter({ hasText: 'For sale' }));
  await expectVisible(group.getByTestId('listing-counts').filter({ hasText: '4 of 4 for sale' }));
  await expectVisible(group.getByTestId('listing-proceeds').filter({ hasText: '$76.95' }));
  await expectVisible(group.getByTestId('listing-all-in').filter({ hasText: '$94.05' }));
  await noSidewaysScroll(page);
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, 'seats-02-my-listings');
});

it('shows the seat map on the event page, lazily and within the phone, and none for an event without one', async () => {
  buyerCtx = await phoneContext(browser);
  const page = await buyerCtx.newPage();
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await signUp(page, uniqueEmail('seats-buyer'), '/');
  // The worker must control the page before My tickets is opened, so that it keeps a copy.
  expect(await waitForServiceWorker(page)).toBe('activated');

  await page.goto(`/events/${EVENT}`);
  const map = page.getByTestId('seat-map');
  expect(await map.getAttribute('loading')).toBe('lazy');
  expect(await map.getAttribute('alt')).toMatch(/^Seat map of .+ for Taylor Swift/);
  await map.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
    await map.elementHandle(),
    { timeout: 15_000 },
  );
  const box = (await map.boundingBox())!;
  expect(box.width).toBeGreaterThan(200);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(violations).toEqual([]);
  await noSidewaysScroll(page);
  await shot(page, 'seats-03-event-seat-map');

  await page.goto(`/events/${FIXTURE_IDS.withoutSeatmap}`);
  await page.locator('main h1').waitFor();
  expect(await page.getByTestId('seat-map').count()).toBe(0);
});

it('a buyer asks for 2 seats together, pays, and sees both seats and serials in My tickets, also offline', async () => {
  const page = await buyerCtx.newPage();
  await page.goto(`/events/${EVENT}`);
  await page.getByTestId('quantity').selectOption('2');
  await page.getByRole('button', { name: 'Show seats' }).click();
  await page.waitForURL((u) => u.searchParams.get('quantity') === '2');
  const ours = page.getByTestId('listing').filter({ hasText: `Section ${SECTION}` });
  await expectVisible(ours.filter({ hasText: `Row ${ROW}, seats 1–4` }));
  await expectVisible(ours.filter({ hasText: '$94.05 each' }).filter({ hasText: '$188.10' }));
  await expectVisible(ours.filter({ hasText: 'PDF' }).filter({ hasText: 'Includes parking' }));
  await expectVisible(ours.filter({ hasText: 'In hand by Jan 15, 2030' }).filter({ hasText: 'Face value $120.00' }));
  await shot(page, 'seats-04-event-two-together');

  // Orders learns of new seats from events: until it has, the hold is refused and may be retried.
  const deadline = Date.now() + 30_000;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) await page.goto(`/events/${EVENT}?quantity=2`);
    await ours.getByRole('button', { name: 'Buy 2' }).click();
    await page.waitForURL((u) => /^\/orders\/[0-9a-f]{24}$/.test(u.pathname) || u.searchParams.has('gone'), {
      timeout: 20_000,
    });
    if (/^\/orders\//.test(new URL(page.url()).pathname)) break;
    if (Date.now() > deadline) throw new Error('orders never saw the new seats');
    await page.waitForTimeout(500);
  }
  await page.getByTestId('hold-countdown').waitFor();
  await expectVisible(page.getByTestId('order-total').filter({ hasText: '$188.10' }));
  await page.getByRole('radio', { name: /payment succeeds/ }).check();
  await page.getByRole('button', { name: /^Pay \$188\.10/ }).click();
  await page.getByTestId('order-paid').waitFor({ timeout: 90_000 });
  await shot(page, 'seats-05-order-paid');

  // Sold to the buyer once tickets has applied order.paid: poll My tickets with a deadline.
  await page.goto('/my/tickets');
  const mine = page
    .getByTestId('ticket-seat')
    .filter({ hasText: `Section ${SECTION} · Row ${ROW} · Seat `, visible: true });
  const until = Date.now() + 30_000;
  while ((await mine.count()) < 2 && Date.now() < until) {
    await page.waitForTimeout(500);
    await page.reload();
  }
  const seen = await seatsAndSerials(page);
  expect(seen).toHaveLength(2);
  const seats = seen.map((s) => s.seat).sort((a, b) => a - b);
  expect(seats[1] - seats[0]).toBe(1); // together
  for (const s of seen) expect(s.serial).toBe(serialOf(s.seat)); // each seat with its own serial
  await shot(page, 'seats-06-my-tickets');

  await buyerCtx.setOffline(true);
  try {
    await page.reload();
    await page.getByTestId('offline-banner').waitFor();
    expect(await seatsAndSerials(page)).toEqual(seen);
    await shot(page, 'seats-07-my-tickets-offline');
  } finally {
    await buyerCtx.setOffline(false);
  }
});

/** The cards of My tickets for this test's section: each seat number and the serial shown with it. */
async function seatsAndSerials(page: Page): Promise<{ seat: number; serial: string }[]> {
  const cards = page
    .getByTestId('my-tickets')
    .locator('li')
    .filter({ has: page.getByTestId('ticket-seat').filter({ hasText: `Section ${SECTION} · ` }), visible: true });
  await cards.first().waitFor({ timeout: 15_000 });
  const out: { seat: number; serial: string }[] = [];
  for (const card of await cards.all()) {
    const where = (await card.getByTestId('ticket-seat').innerText()).trim();
    out.push({
      seat: Number(/Seat (\d+)$/.exec(where)?.[1]),
      serial: (await card.getByTestId('serial-number').innerText()).trim(),
    });
  }
  return out.sort((a, b) => a.seat - b.seat);
}
