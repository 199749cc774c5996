// Shared helpers for the browser tests: Debian's Chromium (never a downloaded browser), a phone
// viewport, screenshots under .artifacts/screenshots, and polling with a deadline.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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
