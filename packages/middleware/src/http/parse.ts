import { parseOrThrow } from '@bigtix/common';
import type { Context } from 'koa';
import type { z } from 'zod';

/** The JSON body parsed with a contract schema, or a 400 naming each bad field. */
export function parseBody<S extends z.ZodType>(ctx: Context, schema: S): z.infer<S> {
  return parseOrThrow(schema, ctx.request.body ?? {}, 'request body');
}

export function parseQuery<S extends z.ZodType>(ctx: Context, schema: S): z.infer<S> {
  return parseOrThrow(schema, ctx.query, 'query');
}
