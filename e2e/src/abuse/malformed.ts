/**
 * Bad bodies generated from one valid body: whole-body abuse (broken JSON, wrong content type,
 * oversized, arrays and scalars where an object belongs) and, for each field, the values an
 * attacker or a buggy client sends (MongoDB operator objects, wrong types, arrays, null, missing).
 */
import type { RawRequest } from './http';

export interface BadBody {
  name: string;
  request: Pick<RawRequest, 'json' | 'raw' | 'contentType'>;
  status: number;
  /**
   * Sent to the service itself, not through the one-origin router: the dev router turns a
   * service's early 413 into a 502/connection reset (http-proxy gets EPIPE writing the rest of
   * the body). In production the ingress buffers the body and enforces its own limit.
   */
  direct?: boolean;
}

function wrongType(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return 12345;
  if (typeof value === 'boolean') return 'yes';
  return 'not-a-structure';
}

export function badBodies(
  valid: Record<string, unknown>,
  required: string[],
  limitBytes: number,
  strict = true,
): BadBody[] {
  const json = JSON.stringify(valid);
  const cases: BadBody[] = [
    { name: 'invalid JSON', request: { raw: json.slice(0, -1), contentType: 'application/json' }, status: 400 },
    {
      name: 'JSON with a trailing comma',
      request: { raw: `${json.slice(0, -1)},}`, contentType: 'application/json' },
      status: 400,
    },
    { name: 'text/plain content type', request: { raw: json, contentType: 'text/plain' }, status: 415 },
    {
      name: 'form content type',
      request: { raw: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
      status: 415,
    },
    { name: 'XML content type', request: { raw: '<a>1</a>', contentType: 'application/xml' }, status: 415 },
    {
      name: 'oversized body',
      request: {
        raw: JSON.stringify({ ...valid, padding: 'x'.repeat(limitBytes + 1024) }),
        contentType: 'application/json',
      },
      status: 413,
      direct: true,
    },
    { name: 'an empty object', request: { json: {} }, status: 400 },
    { name: 'an array', request: { json: [] }, status: 400 },
    { name: 'the valid body inside an array', request: { json: [valid] }, status: 400 },
    { name: 'a string', request: { json: 'hello' }, status: 400 },
    { name: 'a number', request: { json: 42 }, status: 400 },
    { name: 'null', request: { json: null }, status: 400 },
  ];
  if (strict) {
    cases.push(
      { name: 'an unknown field', request: { json: { ...valid, isAdmin: true } }, status: 400 },
      {
        name: 'a __proto__ key',
        request: { raw: `${json.slice(0, -1)},"__proto__":{"isAdmin":true}}`, contentType: 'application/json' },
        status: 400,
      },
      { name: 'a $where key', request: { json: { ...valid, $where: 'sleep(1000)' } }, status: 400 },
    );
  }
  for (const [field, value] of Object.entries(valid)) {
    const replace = (v: unknown) => ({ ...valid, [field]: v });
    cases.push(
      { name: `${field}: {"$gt":""}`, request: { json: replace({ $gt: '' }) }, status: 400 },
      { name: `${field}: {"$ne":null}`, request: { json: replace({ $ne: null }) }, status: 400 },
      { name: `${field}: wrong type`, request: { json: replace(wrongType(value)) }, status: 400 },
      { name: `${field}: an array of it`, request: { json: replace([value]) }, status: 400 },
      { name: `${field}: null`, request: { json: replace(null) }, status: 400 },
      { name: `${field}: true`, request: { json: replace(true) }, status: 400 },
    );
    // FerretDB on PostgreSQL cannot store or even compare a string with U+0000: it must be refused at the edge.
    // (Passwords are only hashed, never stored or compared as strings: a NUL in one is just a character.)
    if (typeof value === 'string' && field !== 'password')
      cases.push({
        name: `${field}: contains a NUL character`,
        request: { json: replace(`${value}\u0000x`) },
        status: 400,
      });
    if (required.includes(field)) {
      const { [field]: _gone, ...rest } = valid;
      cases.push({ name: `${field}: missing`, request: { json: rest }, status: 400 });
    }
  }
  return cases;
}
