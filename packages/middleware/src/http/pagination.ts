import { BadRequestError, Page } from '@bigtix/common';

/**
 * Opaque cursors for keyset pagination: the sort key(s) of the last item plus its id as a
 * tie-breaker, so pages stay stable while new items are inserted.
 */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values;
    }
  } catch {
    // fall through
  }
  throw new BadRequestError('Invalid cursor', [{ message: 'cursor is not valid', field: 'cursor' }]);
}

/** Takes `limit + 1` fetched rows and turns them into a page with the next cursor. */
export function toPage<T, R>(
  rows: T[],
  limit: number,
  cursorOf: (row: T) => (string | number)[],
  map: (row: T) => R,
): Page<R> {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items: items.map(map), nextCursor: hasMore ? encodeCursor(cursorOf(items[items.length - 1])) : null };
}
