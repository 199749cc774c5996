import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  /** Path per request; a function varies it (e.g. a random ticket id). */
  path: string | (() => string);
  connections?: number;
  durationSeconds?: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  maxLatency: number;
  total: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  status5xx: number;
}

/** One fixed-duration autocannon run (bounded: it stops by itself after durationSeconds). */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const pathFor = typeof o.path === 'function' ? o.path : () => o.path as string;
  const result = await autocannon({
    url: o.url,
    connections: o.connections ?? 50,
    duration: o.durationSeconds ?? 10,
    timeout: 10,
    headers: o.headers,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: pathFor() }) }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    maxLatency: result.latency.max,
    total: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    status5xx: result['5xx'],
  };
}
