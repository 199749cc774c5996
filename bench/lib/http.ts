/** Small JSON-over-HTTP helpers for seeding and probes; every call has a timeout. */
export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  ms: number;
}

export async function call<T = unknown>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<JsonResponse<T>> {
  const started = performance.now();
  const res = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text, callers report it
  }
  return { status: res.status, body: parsed as T, headers: res.headers, ms };
}

export function expectStatus(res: JsonResponse, expected: number, what: string): void {
  if (res.status !== expected) {
    throw new Error(`${what}: expected HTTP ${expected}, got ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
  }
}
