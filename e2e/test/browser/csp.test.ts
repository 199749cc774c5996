/**
 * Every page of the production web build carries a Content-Security-Policy with a fresh nonce
 * and frame-ancestors 'none', and every script in the page carries that nonce; a browser that
 * loads the pages under the policy reports no violation (Chromium logs one per blocked script or
 * image).
 */
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import { BASE_URL, launch, phoneContext } from './browser-kit';

// An event page loads Ticketmaster's images (the fake's, here): its hero and its seat map.
const PAGES = ['/', '/auth/signin', '/auth/signup', '/sell', '/orders', `/events/${FIXTURE_IDS.withSeatmap}`];

describe('content security policy', () => {
  it.each(PAGES)('is on %s with a fresh nonce that every script of the page carries', async (path) => {
    const [a, b] = [await fetch(`${BASE_URL}${path}`), await fetch(`${BASE_URL}${path}`)];
    const policy = a.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/frame-ancestors 'none'/);
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeDefined();
    expect(b.headers.get('content-security-policy')).not.toContain(nonce);
    const html = await a.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => !s.includes(`nonce="${nonce}"`))).toEqual([]);
  });

  it('lets the pages run: no CSP violation while loading them in Chromium', async () => {
    const browser = await launch();
    try {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (msg) => {
        if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
      });
      for (const path of PAGES) await page.goto(`${BASE_URL}${path}`, { waitUntil: 'networkidle' });
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
