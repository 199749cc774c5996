/**
 * After sign-in the PWA follows `?next=` only to a path on this site (web/lib/safe-next.ts, used
 * by the sign-in and sign-up pages and their server action).
 */
import { safeNext } from '@bigtix/web/lib/safe-next';

describe('the sign-in redirect', () => {
  it.each([
    '/\\evil.com',
    '/\\/evil.com',
    '//evil.com',
    '/\t/evil.com',
    '/\n/evil.com',
    'https://evil.com',
    'javascript:alert(1)',
    'evil.com',
    '',
  ])('refuses %j and goes home instead', (next) => {
    expect(safeNext(next)).toBe('/');
  });

  it.each([
    ['/my/tickets', '/my/tickets'],
    ['/events/abc?x=1#t', '/events/abc?x=1#t'],
    ['/sell', '/sell'],
  ])('follows the same-site path %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it('whatever it returns resolves to this site', () => {
    for (const next of ['/\\evil.com', '/%5Cevil.com', '/%2F%2Fevil.com', '/./\\evil.com', '/..//evil.com']) {
      const target = new URL(safeNext(next), 'https://bigtix.example');
      expect(target.origin).toBe('https://bigtix.example');
    }
  });
});
