import type { FormObject, FormValue } from './form-parser';
import { invalidRequest, missingParam, unknownParam } from './stripe-error';

/**
 * Typed access to a parsed form body, with Stripe's validation messages. Stripe rejects unknown parameters,
 * which catches typos in the caller, so every endpoint declares the parameters it accepts (including ones the
 * fake accepts but ignores, so a valid real-Stripe call is never refused here).
 */
export function assertKnownParams(params: FormObject, allowed: readonly string[], prefix = ''): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) unknownParamAt(prefix, key);
  }
}

function unknownParamAt(prefix: string, key: string): never {
  throw unknownParam(prefix ? `${prefix}[${key}]` : key);
}

function describe(value: FormValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function optionalString(params: FormObject, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${describe(value)}`, { param: name });
  return value;
}

export function requiredString(params: FormObject, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined) throw missingParam(name);
  return value;
}

export function optionalInteger(params: FormObject, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^-?\d{1,15}$/.test(value)) {
    throw invalidRequest(`Invalid integer: ${describe(value)}`, { code: 'parameter_invalid_integer', param: name });
  }
  return Number(value);
}

export function requiredInteger(params: FormObject, name: string): number {
  const value = optionalInteger(params, name);
  if (value === undefined) throw missingParam(name);
  return value;
}

export function optionalBoolean(params: FormObject, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalidRequest(`Invalid boolean: ${describe(value)}`, { param: name });
}

export function optionalEnum<T extends string>(params: FormObject, name: string, values: readonly T[]): T | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    const list = values.length > 1 ? `${values.slice(0, -1).join(', ')}, or ${values[values.length - 1]}` : values[0];
    throw invalidRequest(`Invalid ${name}: must be one of ${list}`, { param: name });
  }
  return value as T;
}

export function optionalObject(params: FormObject, name: string): FormObject | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidRequest(`Invalid object`, { param: name });
  }
  return value;
}

/** `expand[]=a&expand[]=b`, or a lone `expand=a`. */
export function optionalStringList(params: FormObject, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : Object.values(value);
  return list.map((item) => {
    if (typeof item !== 'string') throw invalidRequest(`Invalid array`, { param: name });
    return item;
  });
}

/**
 * Metadata update semantics: `metadata=` clears all keys, `metadata[k]=` removes one key, others are set.
 * Returns the resulting metadata given the current one.
 */
export function applyMetadata(params: FormObject, current: Record<string, string>): Record<string, string> {
  const value = params.metadata;
  if (value === undefined) return current;
  if (value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest('Invalid object', { param: 'metadata' });
  const next = { ...current };
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw invalidRequest(`Invalid string: ${describe(v)}`, { param: `metadata[${key}]` });
    if (key.length > 40) {
      throw invalidRequest(`Metadata keys can have up to 40 characters; "${key}" has ${key.length}.`, {
        param: `metadata[${key}]`,
      });
    }
    if (v.length > 500) {
      throw invalidRequest(
        `Metadata values can have up to 500 characters, but you passed in a value that is ${v.length} characters. Invalid value: ${v.slice(0, 20)}…`,
        {
          param: `metadata[${key}]`,
        },
      );
    }
    if (v === '') delete next[key];
    else next[key] = v;
  }
  if (Object.keys(next).length > 50) {
    throw invalidRequest('You can have up to 50 metadata keys.', { param: 'metadata' });
  }
  return next;
}
