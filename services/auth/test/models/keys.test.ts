import path from 'node:path';
import { keyTemplates, keysSpelledOutside } from '@bigtix/testkit';
import {
  emailVerifiedKey,
  registeredKey,
  resetEmailKey,
  verificationEmailKey,
  verificationKey,
} from '../../src/models/keys';

const SRC = path.join(__dirname, '../../src');
const KEYS_FILE = path.join(SRC, 'models/keys.ts');

describe('keys', () => {
  it('are spelled only in models/keys.ts, never in a domain or other file', () => {
    expect(keysSpelledOutside(SRC, KEYS_FILE)).toEqual([]);
  });

  it('the scan recognises every format in models/keys.ts (so it would catch one spelled elsewhere)', () => {
    const templates = keyTemplates(KEYS_FILE);
    expect(templates.all.length).toBeGreaterThanOrEqual(5);
    expect(templates.unrecognised).toEqual([]);
  });

  it('keep the formats already stored in the database and the email outbox', () => {
    expect(registeredKey('u1')).toBe('registered:u1');
    expect(emailVerifiedKey('u1')).toBe('email-verified:u1');
    expect(verificationKey('u1', 0)).toBe('u1:0');
    expect(verificationEmailKey('u1', 2)).toBe('verify:u1:2');
    expect(resetEmailKey('h1')).toBe('password-reset:h1');
  });
});
