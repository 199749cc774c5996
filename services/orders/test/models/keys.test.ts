import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { eventVersionKey, holdKey, holdSlotKey, lateOutcomeKey } from '../../src/models/keys';

const DOMAIN = path.join(__dirname, '../../src/domain');

/** A template literal that builds a claim key: `${a}@${b}`, `${a}#${b}`, `${a}@1`, `${a}:late`. */
const KEY_SHAPE = /\$\{[^}]*\}(?:[@#](?:\$\{|\d)|:late)/;

describe('claim keys', () => {
  it('are spelled only in models/keys.ts (or by the store that owns them), never in a domain file', () => {
    const offenders = readdirSync(DOMAIN)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        readFileSync(path.join(DOMAIN, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${f}:${i + 1}`, line: line.trim() }))
          .filter(({ line }) => KEY_SHAPE.test(line)),
      );
    expect(offenders).toEqual([]);
  });

  it('keep the formats already stored in the database', () => {
    expect(holdKey('t1', 3)).toBe('t1#3');
    expect(lateOutcomeKey('o1')).toBe('o1:late');
    expect(holdSlotKey('u1', 2, 5)).toBe('u1#2@5');
    expect(eventVersionKey('e1', 7)).toBe('e1@7');
  });
});
