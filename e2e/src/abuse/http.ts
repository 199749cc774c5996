/** Raw requests for abuse tests: any bytes, any content type, any cookie; never follows cookies. */
export interface RawResponse {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

export interface RawRequest {
  method: string;
  path: string;
  cookie?: string;
  /** Sent as JSON with `content-type: application/json` unless `raw` is given. */
  json?: unknown;
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export async function send(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const headers: Record<string, string> = { ...(req.headers ?? {}) };
  if (req.cookie) headers.cookie = req.cookie;
  let body: string | Buffer | undefined;
  if (req.raw !== undefined) {
    body = req.raw;
    if (req.contentType) headers['content-type'] = req.contentType;
  } else if (req.json !== undefined) {
    body = JSON.stringify(req.json);
    headers['content-type'] = req.contentType ?? 'application/json';
  }
  const res = await fetch(`${baseUrl}${req.path}`, { method: req.method, headers, body });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/** What every API response must carry, whatever its status. */
export function securityHeaderProblems(res: RawResponse): string[] {
  const problems: string[] = [];
  if (res.headers.has('x-powered-by')) problems.push(`X-Powered-By: ${res.headers.get('x-powered-by')}`);
  if (res.headers.get('x-content-type-options') !== 'nosniff')
    problems.push(`X-Content-Type-Options: ${res.headers.get('x-content-type-options')}`);
  return problems;
}

export function describeResponse(res: RawResponse): string {
  return `${res.status} ${res.text.slice(0, 300)}`;
}
