import path from 'node:path';
import { keyTemplates, keysSpelledOutside } from '@bigtix/testkit';
import {
  accountIdempotencyKey,
  attemptKey,
  cancelRefundIdempotencyKey,
  intentIdempotencyKey,
  payoutNoticeFact,
  proceedsKey,
  refundEntryKey,
  refundIdempotencyKey,
  refundNoticeFact,
  rejectedChargeEntryKey,
  reversalEntryKey,
  reversalIdempotencyKey,
  saleEntryKey,
  sellerPayableAccount,
  transferEntryKey,
  transferGroupOf,
  transferIdempotencyKey,
} from '../../src/models/keys';

const SRC = path.join(__dirname, '../../src');
const KEYS_FILE = path.join(SRC, 'models/keys.ts');

/** Lines that match the shape but build no key, each with why. */
const NOT_KEYS: Record<string, string> = {
  // The payout worker's name: recorded as who took a decision (`payout_decisions.by`), never looked up.
  'name = `worker-${process.pid}`,': 'workers/payout-worker.ts',
};

describe('keys', () => {
  it('are spelled only in models/keys.ts (or by the store that owns them), never in a domain, Stripe or other file', () => {
    expect(keysSpelledOutside(SRC, KEYS_FILE, NOT_KEYS)).toEqual([]);
  });

  it('the scan recognises every format in models/keys.ts (so it would catch one spelled elsewhere)', () => {
    const templates = keyTemplates(KEYS_FILE);
    expect(templates.all.length).toBeGreaterThanOrEqual(16);
    expect(templates.unrecognised).toEqual([]);
  });

  it('keep the formats already stored in the database and in Stripe', () => {
    expect(attemptKey('o1', 2)).toBe('o1#2');
    expect(proceedsKey('o1', 's1')).toBe('o1:s1');
    expect(saleEntryKey('o1')).toBe('sale:o1');
    expect(rejectedChargeEntryKey('pi_1')).toBe('rejected_charge:pi_1');
    expect(refundEntryKey('re_1')).toBe('refund:re_1');
    expect(transferEntryKey({ orderId: 'o1', sellerId: 's1' })).toBe('transfer:o1:s1');
    expect(reversalEntryKey({ orderId: 'o1', sellerId: 's1' })).toBe('reversal:o1:s1');
    expect(refundNoticeFact('re_1')).toBe('refund:re_1');
    expect(payoutNoticeFact({ orderId: 'o1', sellerId: 's1' })).toBe('payout:o1:s1');
    expect(intentIdempotencyKey({ orderId: 'o1', attempt: 3 })).toBe('bigtix-pi-o1-3');
    expect(refundIdempotencyKey('pi_1')).toBe('bigtix-refund-pi_1');
    expect(cancelRefundIdempotencyKey('o1')).toBe('bigtix-cancel-refund-o1');
    expect(accountIdempotencyKey('u1')).toBe('bigtix-account-u1');
    expect(transferIdempotencyKey('o1', 's1')).toBe('bigtix-transfer-o1-s1');
    expect(reversalIdempotencyKey('o1', 's1')).toBe('bigtix-reversal-o1-s1');
    expect(transferGroupOf('o1')).toBe('order_o1');
    expect(sellerPayableAccount('s1')).toBe('seller_payable:s1');
  });
});
