/**
 * Where to go after signing in: only a path on this site, so `?next=` cannot send people
 * elsewhere. Browsers read `\` as `/` and drop tabs and newlines inside URLs, so `/\evil.com`
 * or `/\t/evil.com` would be `//evil.com`, another origin. Anything but a plain path is `/`,
 * and what is kept is checked by resolving it against a placeholder origin.
 */
export function safeNext(next: string | undefined | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/';
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return '/';
  try {
    const base = 'https://bigtix.invalid';
    const url = new URL(next, base);
    // `/..//evil.com` resolves to the path `//evil.com`, which would leave the site when followed.
    if (url.origin !== base || url.pathname.startsWith('//')) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
