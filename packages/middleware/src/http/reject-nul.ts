/* eslint-disable no-control-regex -- matching U+0000 is the point of this module */
import { BadRequestError, NotFoundError } from '@bigtix/common';
import type { Middleware } from 'koa';

// FerretDB on PostgreSQL cannot store or even compare a string containing U+0000 (PostgreSQL
// rejects it with SQLSTATE 22P05), and no legitimate BigTix input has one. Refusing it at the
// edge keeps it from turning into a 500 deep inside a query.
const NUL_IN_URL = /%00|\u0000/i;

/** A path with NUL names nothing (404); a query string with NUL is bad input (400). */
export function rejectNulInUrl(): Middleware {
  return async (ctx, next) => {
    if (NUL_IN_URL.test(ctx.path))
      throw new NotFoundError(`No route for ${ctx.method} ${ctx.path.replace(/%00|\u0000/gi, '')}`);
    if (NUL_IN_URL.test(ctx.querystring))
      throw new BadRequestError('Invalid query', [{ message: 'query must not contain NUL characters' }]);
    return next();
  };
}

/** The path (`tickets.3.title`) of the first string in a parsed JSON value that contains NUL, if any. */
export function findNulString(value: unknown, path: (string | number)[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(body)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulString(value[i], [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key.replace(/\u0000/g, '')].join('.');
      const found = findNulString(v, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}
