/**
 * The Content-Security-Policy of every web page. Scripts run only with this response's nonce
 * (Next puts it on its own scripts, the layout on MUI's colour-scheme script) or when loaded by
 * such a script ('strict-dynamic': Stripe.js); no page can be framed (clickjacking). Styles may
 * be inline: Emotion (MUI) injects them at runtime and they cannot run code.
 *
 * Pages rendered at build time (`STATIC_PAGES`) cannot carry a per-response nonce: their inline
 * scripts are fixed markup with no user data, allowed as inline scripts; everything else holds.
 */
export const STATIC_PAGES = new Set(['/offline']);

export function contentSecurityPolicy(nonce: string | null, dev: boolean): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // 'unsafe-eval' only in `next dev` (React Refresh); https: is ignored by browsers that know
    // 'strict-dynamic' and only there for the ones that do not.
    // Without a nonce (the static pages): the inline scripts Next wrote at build time.
    'script-src': [
      "'self'",
      ...(nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'", 'https:'] : ["'unsafe-inline'", 'https://js.stripe.com']),
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', 'https:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", 'https://api.stripe.com', 'https://*.stripe.com', ...(dev ? ['ws:'] : [])],
    'frame-src': ['https://js.stripe.com', 'https://hooks.stripe.com'],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** A fresh nonce per response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
