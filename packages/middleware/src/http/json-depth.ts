/** Deepest nesting of arrays and objects a request body may have; real BigTix bodies use 3. */
export const MAX_JSON_DEPTH = 16;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/**
 * Whether a JSON text nests arrays/objects deeper than `max`, found in one pass over the bytes
 * before anything parses or walks it: constant work per byte, so a deeply nested body costs no
 * more than any other body of its size (a recursive walk of a 10 KB `[[[[...` overflowed the
 * stack). Brackets inside strings do not count; the text need not be valid JSON (JSON.parse
 * decides that afterwards).
 */
export function nestsDeeperThan(raw: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (OPEN.has(b)) {
      if (++depth > max) return true;
    } else if (CLOSE.has(b)) {
      depth--;
    }
  }
  return false;
}
