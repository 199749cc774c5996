/**
 * The phone's primary navigation: a bottom bar with every destination in view at 360 and 390 px
 * (the top row used to scroll "My listings" off screen), the current page marked, and the top
 * row back on wide screens. Debian's Chromium against the browser suite's stack.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE_URL, PHONE, launch, shot, stackIsUp, uniqueEmail } from './browser-kit';

jest.setTimeout(120_000);

const DESTINATIONS = ['Events', 'My tickets', 'Orders', 'Sell', 'My listings'];
let browser: Browser;

beforeAll(async () => {
  if (!(await stackIsUp())) throw new Error(`No BigTix stack answers at ${BASE_URL}`);
  browser = await launch();
});
afterAll(async () => browser?.close());

async function pageAt(width: number, height = 800): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, viewport: { width, height }, baseURL: BASE_URL });
  return { context, page: await context.newPage() };
}

describe.each([360, 390])('at %i px', (width) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await pageAt(width)));
  afterAll(async () => context?.close());

  it('shows one main navigation, at the bottom, with every destination fully on screen', async () => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.count()).resolves.toBe(1);
    const bar = await nav.boundingBox();
    expect(bar).not.toBeNull();
    expect(bar!.y + bar!.height).toBeCloseTo(800, 0);
    for (const name of DESTINATIONS) {
      const box = await nav.getByRole('link', { name, exact: true }).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      expect(box!.width).toBeGreaterThanOrEqual(48); // a thumb-sized target
      expect(box!.y + box!.height).toBeLessThanOrEqual(800);
    }
    // Nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await expect(nav.getByRole('link', { name: 'Events', exact: true }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );
    await shot(page, `phone-navigation-${width}`);
  });

  it('takes a signed-in visitor to My listings and marks where they are', async () => {
    // The context's request API shares its cookies with the pages: this signs the browser in.
    const signup = await context.request.post('/api/users/signup', {
      data: { email: uniqueEmail(`nav${width}`), password: 'correct-horse-battery' },
    });
    expect(signup.status()).toBe(201);
    await page.goto('/orders');
    expect(new URL(page.url()).pathname).toBe('/orders');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Orders', exact: true }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );
    await nav.getByRole('link', { name: 'My listings', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/my/listings');
    await expect(
      nav.getByRole('link', { name: 'My listings', exact: true }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    await expect(
      nav.getByRole('link', { name: 'Orders', exact: true }).getAttribute('aria-current'),
    ).resolves.toBeNull();
    await shot(page, `phone-navigation-${width}-my-listings`);
  });

  it('keeps the page content clear of the bar and passes axe', async () => {
    await page.goto('/');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = await page.locator('main').boundingBox();
    const bar = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
    const scrollY = await page.evaluate(() => window.scrollY);
    expect(last!.y + last!.height - scrollY).toBeLessThanOrEqual(bar!.y + 1);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});

it('keeps the links in the top bar on a wide screen, with no bottom bar', async () => {
  const { context, page } = await pageAt(1024, 768);
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.count()).resolves.toBe(1);
  const box = await nav.boundingBox();
  expect(box!.y).toBeLessThan(200);
  await expect(page.getByTestId('bottom-nav').isVisible()).resolves.toBe(false);
  for (const name of DESTINATIONS)
    await expect(nav.getByRole('link', { name, exact: true }).isVisible()).resolves.toBe(true);
  await context.close();
});
