import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random base62 string, the shape of the tail of Stripe ids (`pi_3Pxy…`). */
export function randomToken(length = 24): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHABET[bytes[i] % ALPHABET.length];
  return out;
}

/** `newId('pi')` → `pi_3k…`: same prefixes as Stripe so callers that sniff prefixes behave the same. */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(24)}`;
}
