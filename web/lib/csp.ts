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

/** Ticketmaster's image hosts: event images (Discovery `images`) and seat maps (`seatmap.staticUrl`). */
export const TICKETMASTER_IMAGE_ORIGINS = ['https://s1.ticketm.net', 'https://maps.ticketmaster.com'];
const TICKETMASTER_API_ORIGIN = 'https://app.ticketmaster.com';
/** Where the tickets service finds the fake Ticketmaster when neither a key nor a base URL is set. */
const FAKE_TICKETMASTER_URL = 'http://127.0.0.1:12112';

/**
 * Where page images may come from besides this origin: `TICKETMASTER_IMAGE_ORIGINS` (origins
 * separated by spaces or commas) when set; else Ticketmaster's image hosts, plus the origin of
 * `TICKETMASTER_BASE_URL` when that is not the real API (the fake Ticketmaster of a dev stack
 * serves its own event images and seat maps; without a base URL or a consumer key, the tickets
 * service uses the fake at its default address, and so does this). Origins only: a path or
 * anything else is dropped.
 */
export function imageOrigins(env: Record<string, string | undefined>): string[] {
  const listed = env.TICKETMASTER_IMAGE_ORIGINS?.trim();
  const base =
    env.TICKETMASTER_BASE_URL?.trim() || (env.TICKETMASTER_CONSUMER_KEY?.trim() ? undefined : FAKE_TICKETMASTER_URL);
  const wanted = listed
    ? listed.split(/[\s,]+/)
    : [...TICKETMASTER_IMAGE_ORIGINS, ...(base && originOf(base) !== TICKETMASTER_API_ORIGIN ? [base] : [])];
  return [...new Set(wanted.map(originOf).filter((o): o is string => o !== null))];
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy(nonce: string | null, dev: boolean, images: readonly string[] = []): string {
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
    // Ticketmaster's images (or the dev stack's fake) and Stripe's, no other host.
    'img-src': ["'self'", 'data:', 'blob:', ...images, 'https://*.stripe.com'],
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
