import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from '@bigtix/common';
import type { Middleware } from 'koa';
import type { IncomingMessage } from 'node:http';
import getRawBody from 'raw-body';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';
import { findNulString } from './reject-nul';

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

/**
 * How much of a refused body is read and thrown away before answering 413. Answering while the
 * client (or a proxy in front of us) is still sending makes it see a reset instead of the 413;
 * beyond this much, closing the connection is the lesser evil.
 */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

function discard(req: IncomingMessage, maxBytes: number): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', done);
      req.off('error', done);
      req.off('close', done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) done();
    };
    req.on('data', onData);
    req.once('end', done);
    req.once('error', done);
    req.once('close', done);
    req.resume();
  });
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
    if (length !== undefined && length > limitBytes) {
      await discard(ctx.req, DRAIN_LIMIT_BYTES);
      throw new PayloadTooLargeError(`Request body is larger than ${limitBytes} bytes`);
    }
    let raw: Buffer;
    try {
      raw = await getRawBody(ctx.req, { limit: limitBytes, length });
    } catch (err) {
      const type = (err as { type?: string }).type;
      if (type === 'entity.too.large') {
        await discard(ctx.req, DRAIN_LIMIT_BYTES);
        throw new PayloadTooLargeError(`Request body is larger than ${limitBytes} bytes`);
      }
      throw new BadRequestError('Could not read the request body');
    }
    ctx.request.rawBody = raw;
    if (nestsDeeperThan(raw, MAX_JSON_DEPTH)) {
      throw new BadRequestError(`Request body is nested deeper than ${MAX_JSON_DEPTH} levels`);
    }
    let body: unknown;
    try {
      body = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
    } catch {
      throw new BadRequestError('Request body is not valid JSON');
    }
    const nulField = findNulString(body);
    if (nulField !== null) {
      throw new BadRequestError('Invalid request body', [
        { message: `${nulField} must not contain NUL characters`, field: nulField },
      ]);
    }
    ctx.request.body = body;
    return next();
  };
}
