/**
 * Parses Stripe's `application/x-www-form-urlencoded` bodies and query strings, which use bracket notation:
 * `metadata[orderId]=x`, `expand[0]=latest_charge`, `expand[]=latest_charge`, `a[b][c]=1`.
 * Values stay strings (Stripe coerces per parameter); an empty value is kept as `''` because Stripe gives it a
 * meaning ("unset this", e.g. `metadata[key]=` deletes a key).
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export class FormParseError extends Error {}

// Keys that would let a crafted body reach Object.prototype.
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw new FormParseError(`Invalid URL encoding in "${part}"`);
  }
}

/** `a[b][0][]` → ['a', 'b', '0', '']. */
function splitKey(key: string): string[] {
  const first = key.indexOf('[');
  if (first === -1) return [key];
  const segments = [key.slice(0, first)];
  const rest = key.slice(first);
  const re = /\[([^\]]*)\]/g;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(rest)) !== null) {
    if (match.index !== consumed) break;
    segments.push(match[1]);
    consumed = re.lastIndex;
  }
  if (consumed !== rest.length) throw new FormParseError(`Invalid parameter name "${key}"`);
  if (segments[0] === '') throw new FormParseError(`Invalid parameter name "${key}"`);
  return segments;
}

function isIndex(segment: string): boolean {
  return segment === '' || /^\d+$/.test(segment);
}

function assign(target: FormObject | FormValue[], segments: string[], value: string, fullKey: string): void {
  const [head, ...rest] = segments;
  if (FORBIDDEN_KEYS.has(head)) throw new FormParseError(`Invalid parameter name "${fullKey}"`);
  if (Array.isArray(target)) {
    if (!isIndex(head)) throw new FormParseError(`Invalid array index in "${fullKey}"`);
    const index = head === '' ? target.length : Number(head);
    if (index > 10_000) throw new FormParseError(`Array index too large in "${fullKey}"`);
    if (rest.length === 0) {
      target[index] = value;
      return;
    }
    if (target[index] === undefined) target[index] = isIndex(rest[0]) ? [] : {};
    const child = target[index];
    if (typeof child === 'string') throw new FormParseError(`Conflicting values for "${fullKey}"`);
    assign(child, rest, value, fullKey);
    return;
  }
  const existing = Object.hasOwn(target, head) ? target[head] : undefined;
  if (rest.length === 0) {
    if (typeof existing === 'object') throw new FormParseError(`Conflicting values for "${fullKey}"`);
    target[head] = value;
    return;
  }
  if (existing === undefined) target[head] = isIndex(rest[0]) ? [] : {};
  const child = target[head];
  if (typeof child === 'string') throw new FormParseError(`Conflicting values for "${fullKey}"`);
  assign(child, rest, value, fullKey);
}

/** Arrays written with explicit indexes may have holes (`a[0]=x&a[2]=y`); Stripe compacts them. */
function compact(value: FormValue): FormValue {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  const out: FormObject = {};
  for (const [k, v] of Object.entries(value)) out[k] = compact(v);
  return out;
}

export function parseForm(input: string): FormObject {
  const result: FormObject = {};
  if (!input) return result;
  for (const pair of input.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    const key = decode(rawKey);
    if (key === '') continue;
    assign(result, splitKey(key), decode(rawValue), key);
  }
  return compact(result) as FormObject;
}
