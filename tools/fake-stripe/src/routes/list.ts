import type { FormObject } from '../lib/form-parser';
import { optionalInteger, optionalObject, optionalString, optionalStringList } from '../lib/params';
import { invalidRequest, resourceMissing } from '../lib/stripe-error';
import type { Store } from '../state/store';
import { expandFields } from './render';

export interface StripeList<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** Stripe's `created` filter: an exact timestamp or `created[gt|gte|lt|lte]`. */
function createdFilter(params: FormObject): (created: number) => boolean {
  if (typeof params.created === 'string') {
    const exact = optionalInteger(params, 'created');
    return (created) => exact === undefined || created === exact;
  }
  const range = optionalObject(params, 'created');
  if (!range) return () => true;
  const gt = optionalInteger(range, 'gt');
  const gte = optionalInteger(range, 'gte');
  const lt = optionalInteger(range, 'lt');
  const lte = optionalInteger(range, 'lte');
  return (c) =>
    (gt === undefined || c > gt) &&
    (gte === undefined || c >= gte) &&
    (lt === undefined || c < lt) &&
    (lte === undefined || c <= lte);
}

/** Newest first, cursor pagination with `limit` (1–100, default 10), `starting_after`, `ending_before`. */
export function paginate<T extends { id: string; created: number }>(
  store: Store,
  params: FormObject,
  objectName: string,
  all: Iterable<T>,
  url: string,
): StripeList<T> {
  const limit = optionalInteger(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest('Invalid limit: must be between 1 and 100', { param: 'limit' });
  }
  const matchesCreated = createdFilter(params);
  const items = [...all].reverse().filter((item) => matchesCreated(item.created));
  const startingAfter = optionalString(params, 'starting_after');
  const endingBefore = optionalString(params, 'ending_before');
  let page: T[];
  let hasMore: boolean;
  if (endingBefore) {
    const index = items.findIndex((item) => item.id === endingBefore);
    if (index === -1) throw resourceMissing(objectName, endingBefore, 'ending_before');
    const before = items.slice(0, index);
    page = before.slice(Math.max(0, before.length - limit));
    hasMore = before.length > limit;
  } else {
    let start = 0;
    if (startingAfter) {
      const index = items.findIndex((item) => item.id === startingAfter);
      if (index === -1) throw resourceMissing(objectName, startingAfter, 'starting_after');
      start = index + 1;
    }
    page = items.slice(start, start + limit);
    hasMore = items.length > start + limit;
  }
  const expand = (optionalStringList(params, 'expand') ?? [])
    .filter((path) => path.startsWith('data.'))
    .map((path) => path.slice('data.'.length));
  return { object: 'list', data: page.map((item) => expandFields(store, item, expand)), has_more: hasMore, url };
}
