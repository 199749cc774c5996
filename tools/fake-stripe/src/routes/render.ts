import type { FormObject } from '../lib/form-parser';
import { optionalStringList } from '../lib/params';
import type { Store } from '../state/store';

/**
 * Applies `expand[]` to a response: a field holding an id the fake knows (`latest_charge`, `payment_method`,
 * `charge`, `payment_intent`) is replaced by that object. Only one level, and `data.<field>` for lists.
 */
export function expandFields<T extends object>(store: Store, object: T, paths: string[]): T {
  if (paths.length === 0) return object;
  const copy: Record<string, unknown> = { ...(object as Record<string, unknown>) };
  for (const path of paths) {
    const value = copy[path];
    if (typeof value === 'string') {
      const found = store.findById(value);
      if (found) copy[path] = found;
    }
  }
  return copy as T;
}

export function render<T extends object>(store: Store, params: FormObject, object: T): T {
  return expandFields(store, object, optionalStringList(params, 'expand') ?? []);
}
