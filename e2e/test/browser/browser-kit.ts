// Shared helpers for the browser tests: Debian's Chromium (never a downloaded browser), a phone
// viewport, screenshots under .artifacts/screenshots, and polling with a deadline.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** The one-origin URL of a running stack with the production web build (`make dev` with WEB_MODE=production). */
export const BASE_URL = (process.env.BIGTIX_URL ?? 'http://localhost:3000').replace(/\/$/, '');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(__dirname, '../../../.artifacts/screenshots');

export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36',
};

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export async function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE, baseURL: BASE_URL, serviceWorkers: 'allow' });
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Resolves once the page is controlled by an activated service worker. */
export async function waitForServiceWorker(page: Page, timeoutMs = 60_000): Promise<string> {
  const state = await activeWorkerState(page, timeoutMs);
  // A page loaded while the worker was still installing may miss clients.claim(); a reload is
  // what a real visit would do next, and a page loaded after activation is always controlled.
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller)))
    throw new Error('the page is not controlled by the service worker');
  return state;
}

async function activeWorkerState(page: Page, timeoutMs: number): Promise<string> {
  return page.evaluate(async (ms) => {
    const deadline = Date.now() + ms;
    const reg = await Promise.race([
      navigator.serviceWorker.ready,
      new Promise<never>((_, rej) => setTimeout(() => rej(new Error('no service worker became ready')), ms)),
    ]);
    // `ready` resolves while the worker may still be "activating"; clients are claimed on activation.
    while (reg.active?.state !== 'activated' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return reg.active?.state ?? 'none';
  }, timeoutMs);
}

export async function stackIsUp(): Promise<boolean> {
  try {
    const res = await fetch(`${BASE_URL}/api/users/currentuser`, { signal: AbortSignal.timeout(3000) });
    return res.ok;
  } catch {
    return false;
  }
}

export function uniqueEmail(role: string): string {
  return `${role}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.test`;
}

/** The password of every account a browser test signs up. */
export const PASSWORD = 'correct-horse-battery';

/** Signs up through the form and waits until it lands on `next` (path and query) signed in. */
export async function signUp(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`/auth/signup?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((u) => `${u.pathname}${u.search}` === next, { timeout: 20_000 });
  await page.getByTestId('signed-in-as').filter({ hasText: email }).waitFor();
}

export async function expectVisible(locator: Locator): Promise<void> {
  const visible = locator.filter({ visible: true }).first();
  await visible.waitFor({ state: 'visible', timeout: 15_000 });
  expect(await visible.isVisible()).toBe(true);
}

/** Serious or critical WCAG 2.1 AA violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/**
 * An offline navigation, tried up to three times until `shows` appears. Right after the context
 * goes offline Chromium sometimes fails a navigation before the service worker answers (seen in
 * CI: once the first, once the first two); a person would tap again, and so does the test. What
 * it waits for must appear all the same. `path` may vary per attempt (a never-visited page).
 */
export async function gotoOffline(
  page: Page,
  path: string | ((attempt: number) => string),
  shows: Locator,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.goto(typeof path === 'string' ? path : path(attempt)).catch(() => undefined);
    const shown = await shows.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (shown) return;
    if (attempt === 3) await shows.waitFor({ timeout: 1 }); // fails with the locator's message
  }
}
