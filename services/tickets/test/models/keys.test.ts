import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { eventNoticeFact, paidOrderKey, receiptFact, searchCacheKey, soldFact } from '../../src/models/keys';

const SRC = path.join(__dirname, '../../src');
const KEYS_FILE = path.join(SRC, 'models/keys.ts');

/**
 * An interpolation glued to a key separator: `${a}@${b}`, `${a}:${b}`, `${a}:paid`, `receipt:${a}`.
 * Prose (`event "${name}"`), paths (`/events/${id}`) and a type's `${string}` do not match.
 */
const KEY_SHAPE = /(?:[\w-][#:@-]|[a-z]_)\$\{(?!string\})|\}[#:@-](?:\$\{|\w)/;

/** Lines that match the shape but build no stored key, each with why. */
const NOT_KEYS: Record<string, string> = {
  // The listing cache's keys: a Map in this process, cleared on every write, never stored.
  'const cacheKey = `event:${eventId}`;': 'domain/list-tickets.ts',
  "cacheKey && `${cacheKey}:${order.name}:${q.limit}:${q.cursor ?? ''}`,": 'domain/list-tickets.ts',
};

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });

describe('keys', () => {
  it('are spelled only in models/keys.ts (or by the store that owns them), never in a domain or other file', () => {
    const files = sourceFiles(SRC).filter((f) => f !== KEYS_FILE);
    expect(files.some((f) => f.includes(`${path.sep}domain${path.sep}notifications${path.sep}`))).toBe(true);
    const offenders = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${path.relative(SRC, f)}:${i + 1}`, line: line.trim() }))
        .filter(({ line }) => line.includes('`') && KEY_SHAPE.test(line))
        .filter(({ where, line }) => !where.startsWith(`${NOT_KEYS[line]}:`)),
    );
    expect(offenders).toEqual([]);
  });

  it('the scan recognises every format in models/keys.ts (so it would catch one spelled elsewhere)', () => {
    const templates = readFileSync(KEYS_FILE, 'utf8')
      .split('\n')
      .filter((line) => /`[^`]*\$\{(?!string\})[^`]*`/.test(line));
    expect(templates.length).toBeGreaterThanOrEqual(5);
    expect(templates.filter((line) => !KEY_SHAPE.test(line))).toEqual([]);
  });

  it('keep the formats already stored in the database and the shared store', () => {
    expect(paidOrderKey('o1')).toBe('o1:paid');
    expect(receiptFact('o1')).toBe('receipt:o1');
    expect(soldFact('o1', 's1')).toBe('sold:o1:s1');
    expect(eventNoticeFact({ eventId: 'E1', status: 'postponed', start: null }, 'u1')).toBe(
      'event:E1:postponed:tba:u1',
    );
    expect(eventNoticeFact({ eventId: 'E1', status: 'rescheduled', start: '2027-05-01T19:00:00.000Z' }, 'u1')).toBe(
      'event:E1:rescheduled:2027-05-01T19:00:00.000Z:u1',
    );
    expect(searchCacheKey('q=abba')).toBe('search:q=abba');
  });
});
