import type http from 'node:http';

/** How long requests in flight at shutdown may take before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 5_000;

/**
 * Stops taking connections and resolves once every connection is gone. `server.close()` alone
 * is not enough on Node 20: a request in flight when it is called is answered with keep-alive,
 * and that connection then stays open, idle, for the whole `keepAliveTimeout` (65 s here), so a
 * stop that raced one webhook or API call took a minute (and a pod hit its kill timer). So idle
 * connections are closed as they appear, and whatever is still open after the grace period is
 * cut.
 */
export async function closeServer(server: http.Server, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 25);
  const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(deadline);
  }
}
