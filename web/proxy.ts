import { NextResponse, type NextRequest } from 'next/server';
import { STATIC_PAGES, contentSecurityPolicy, imageOrigins, newNonce } from './lib/csp';

// Read where the server starts (not at build time): a dev stack names its fake Ticketmaster then.
const IMAGES = imageOrigins(process.env);

/**
 * Every page gets its own nonce and the CSP that names it. Next reads the policy from the request
 * headers to put the nonce on the scripts it renders; the layout reads `x-nonce` for MUI's inline
 * colour-scheme script.
 */
export function proxy(request: NextRequest) {
  const nonce = STATIC_PAGES.has(request.nextUrl.pathname) ? null : newNonce();
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development', IMAGES);
  const headers = new Headers(request.headers);
  if (nonce) headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Pages only: static files carry no scripts that run in a page's context, and prefetches are
  // not rendered as pages.
  matcher: [
    {
      source: '/((?!_next/static|_next/image|icons/|sw.js|swe-worker|manifest.webmanifest|favicon.ico|healthz).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
