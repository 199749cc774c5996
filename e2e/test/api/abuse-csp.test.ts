/**
 * The web pages' Content-Security-Policy (web/lib/csp.ts, sent by web/proxy.ts on every page):
 * scripts only with the response's nonce, never framed.
 */
import { contentSecurityPolicy, newNonce } from '@bigtix/web/lib/csp';

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );

describe('the web CSP', () => {
  const nonce = newNonce();
  const policy = directives(contentSecurityPolicy(nonce, false));

  it("forbids framing: frame-ancestors 'none'", () => {
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
  });

  it('runs scripts only with the nonce (no inline script without it, no eval in production)', () => {
    expect(policy['script-src']).toContain(`'nonce-${nonce}'`);
    expect(policy['script-src']).not.toContain("'unsafe-inline'");
    expect(policy['script-src']).not.toContain("'unsafe-eval'");
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'self'"]);
  });

  it('lets Stripe.js load and frame its card fields', () => {
    expect(policy['script-src']).toContain("'strict-dynamic'");
    expect(policy['frame-src']).toContain('https://js.stripe.com');
    expect(policy['connect-src']).toContain('https://api.stripe.com');
  });

  it("keeps frame-ancestors 'none' on the static offline page, whose build-time scripts have no nonce", () => {
    const offline = directives(contentSecurityPolicy(null, false));
    expect(offline['frame-ancestors']).toEqual(["'none'"]);
    expect(offline['script-src']).not.toContain("'strict-dynamic'");
    expect(offline['object-src']).toEqual(["'none'"]);
  });

  it('uses a fresh 128-bit nonce for every response', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16);
  });
});
