import type { IncomingMessage } from 'node:http';

const LIMIT_BYTES = 16 * 1024;

export class BadRequestError extends Error {
  readonly status = 400;
}

/** Reads a small JSON object body; an empty body is `{}`. Avoids a body-parser dependency. */
export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > LIMIT_BYTES) throw new BadRequestError('body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BadRequestError('body must be JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BadRequestError('body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}
