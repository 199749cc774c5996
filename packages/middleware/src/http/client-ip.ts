import type { Middleware } from 'koa';
import proxyaddr from 'proxy-addr';

/**
 * Which hops may say who the client is. `TRUSTED_PROXIES` is a comma-separated list of
 * addresses, CIDR ranges or the names `loopback`, `linklocal`, `uniquelocal` (proxy-addr's).
 * Unset: `loopback` outside production (the dev router and the web app run on this machine),
 * nobody in production, where the Helm chart sets the cluster's ranges. Empty: trust nobody.
 */
export function trustedProxies(env: NodeJS.ProcessEnv, production: boolean): string[] {
  const value = env.TRUSTED_PROXIES ?? (production ? '' : 'loopback');
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Sets `ctx.ip` to the real client: walking X-Forwarded-For from the right (the hop nearest to
 * us) back, past every address that is a trusted proxy; the first untrusted address is the
 * client. A caller that forges X-Forwarded-For only adds entries to the left of the address
 * our trusted proxy appended for it, so it is still counted under its own address, and a caller
 * that reaches a service directly (not through a trusted hop) is its socket address.
 */
export function clientIp(trusted: string[]): Middleware {
  const trust = proxyaddr.compile(trusted);
  return (ctx, next) => {
    ctx.request.ip = proxyaddr(ctx.req, trust);
    return next();
  };
}
