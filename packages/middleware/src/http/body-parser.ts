import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from '@bigtix/common';
import type { Middleware } from 'koa';
import getRawBody from 'raw-body';

export interface BodyParserOptions {
  /** Largest accepted body in bytes; beyond it the answer is 413. */
  limitBytes: number;
}

declare module 'koa' {
  interface Request {
    /** The exact bytes received, kept for signature checks (Stripe webhooks). */
    rawBody?: Buffer;
    body?: unknown;
  }
}

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads JSON bodies only: other content types get 415, oversized ones 413, broken JSON 400. */
export function jsonBodyParser({ limitBytes }: BodyParserOptions): Middleware {
  return async (ctx, next) => {
    if (!METHODS_WITH_BODY.has(ctx.method)) return next();
    const length = ctx.request.length;
    const hasBody = (length !== undefined && length > 0) || ctx.get('transfer-encoding') !== '';
    if (!hasBody) {
      ctx.request.body = undefined;
      return next();
    }
    if (!ctx.request.is('application/json')) throw new UnsupportedMediaTypeError();
    if (length !== undefined && length > limitBytes)
      throw new PayloadTooLargeError(`Request body is larger than ${limitBytes} bytes`);
    let raw: Buffer;
    try {
      raw = await getRawBody(ctx.req, { limit: limitBytes, length });
    } catch (err) {
      const type = (err as { type?: string }).type;
      if (type === 'entity.too.large')
        throw new PayloadTooLargeError(`Request body is larger than ${limitBytes} bytes`);
      throw new BadRequestError('Could not read the request body');
    }
    ctx.request.rawBody = raw;
    try {
      ctx.request.body = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
    } catch {
      throw new BadRequestError('Request body is not valid JSON');
    }
    return next();
  };
}
