import { claim } from '@bigtix/middleware';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { nativeCollection } from './collections';

/**
 * The platform's books for marketplace money. Accounts:
 * - `stripe_balance`: money held in the platform's Stripe balance;
 * - `platform_fees`: BigTix's revenue (buyer fee + seller fee);
 * - `seller_payable:<sellerId>`: what the platform owes a seller (credit) or a seller owes it
 *   after a refund of money already transferred (debit, until the reversal).
 * - `refunds_due`: money taken for an order that orders refused (it is owed back to the buyer).
 * Amounts are signed integer cents: debit > 0, credit < 0.
 */
export type LedgerAccount = 'stripe_balance' | 'platform_fees' | 'refunds_due' | `seller_payable:${string}`;

/**
 * `refund` undoes a sale in full and `partial_refund` gives part of one back; `returned_charge`
 * pays back a `rejected_charge` (money orders refused), which leaves the order's sale, if any,
 * untouched: an order paid twice still pays its sellers for the charge it kept.
 */
export type LedgerKind =
  'sale' | 'transfer' | 'refund' | 'partial_refund' | 'reversal' | 'rejected_charge' | 'returned_charge';

export interface Posting {
  account: LedgerAccount;
  amount: number;
}

/**
 * One immutable journal entry. Its `_id` is the movement's natural key (`sale:<orderId>`,
 * `transfer:<orderId>:<sellerId>`, `refund:<refundId>`...), so however many replicas see the
 * same webhook or event, and however often, it is written once: the insert of that key is the
 * decision. All postings are in the one document, so an entry is never half written and every
 * entry sums to zero on its own; per order the books therefore always sum to zero.
 */
export interface LedgerEntry {
  _id: string;
  kind: LedgerKind;
  orderId: string;
  currency: string;
  postings: Posting[];
  /** The Stripe object behind the movement (PaymentIntent, Transfer, Refund, Transfer Reversal). */
  stripeId: string | null;
  sellerId: string | null;
  createdAt: Date;
}

export type LedgerCollection = Collection<LedgerEntry>;

export function ledgerCollection(db: Connection): LedgerCollection {
  return nativeCollection<LedgerEntry>(db, 'ledger_entries');
}

export async function ensureLedgerIndexes(ledger: LedgerCollection): Promise<void> {
  await ledger.createIndex({ orderId: 1 });
  await ledger.createIndex({ sellerId: 1 });
}

export class UnbalancedEntryError extends Error {}

/** Writes the entry once. True for the writer that booked it, false when it was already booked. */
export async function book(ledger: LedgerCollection, entry: Omit<LedgerEntry, 'createdAt'>): Promise<boolean> {
  const sum = entry.postings.reduce((s, p) => s + p.amount, 0);
  if (sum !== 0 || entry.postings.some((p) => !Number.isSafeInteger(p.amount))) {
    throw new UnbalancedEntryError(`ledger entry ${entry._id} does not balance (${sum})`);
  }
  const { _id, ...rest } = entry;
  return claim(ledger, _id, { ...rest, createdAt: new Date() });
}

export async function entriesOfOrder(ledger: LedgerCollection, orderId: string): Promise<LedgerEntry[]> {
  const rows = await ledger.find({ orderId }).toArray();
  return rows.sort((a, b) => +new Date(a.createdAt) - +new Date(b.createdAt));
}

export async function findEntry(ledger: LedgerCollection, id: string): Promise<LedgerEntry | null> {
  return ledger.findOne({ _id: id });
}

export function balanceOf(entries: readonly LedgerEntry[], account: LedgerAccount): number {
  return entries.reduce(
    (s, e) => s + e.postings.filter((p) => p.account === account).reduce((a, p) => a + p.amount, 0),
    0,
  );
}
