import path from 'node:path';
import { keyTemplates, keysSpelledOutside } from '@bigtix/testkit';
import { eventNoticeFact, paidOrderKey, receiptFact, searchCacheKey, soldFact } from '../../src/models/keys';

const SRC = path.join(__dirname, '../../src');
const KEYS_FILE = path.join(SRC, 'models/keys.ts');

/** Lines that match the shape but build no stored key, each with why. */
const NOT_KEYS: Record<string, string> = {
  // The listing cache's keys: a Map in this process, cleared on every write, never stored.
  'const cacheKey = `event:${eventId}`;': 'domain/list-tickets.ts',
  "cacheKey && `${cacheKey}:${order.name}:${q.limit}:${q.cursor ?? ''}`,": 'domain/list-tickets.ts',
};

describe('keys', () => {
  it('are spelled only in models/keys.ts (or by the store that owns them), never in a domain or other file', () => {
    expect(keysSpelledOutside(SRC, KEYS_FILE, NOT_KEYS)).toEqual([]);
  });

  it('the scan recognises every format in models/keys.ts (so it would catch one spelled elsewhere)', () => {
    const templates = keyTemplates(KEYS_FILE);
    expect(templates.all.length).toBeGreaterThanOrEqual(5);
    expect(templates.unrecognised).toEqual([]);
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
