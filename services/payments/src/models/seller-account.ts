import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { nativeCollection } from './collections';

export type SellerAccountStatus = 'pending' | 'enabled';

/**
 * A seller's Stripe Express connected account, keyed by the seller's user id: the insert of that
 * key makes "one account per seller" hold across replicas. Status comes from `account.updated`
 * (re-read from Stripe, so the last write is always Stripe's current state).
 */
export interface SellerAccount {
  _id: string;
  accountId: string;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  /** Stripe's `requirements.currently_due`: what the seller still has to provide. */
  requirements: string[];
  createdAt: Date;
  updatedAt: Date;
}

export type SellerAccountCollection = Collection<SellerAccount>;

export function sellerAccountCollection(db: Connection): SellerAccountCollection {
  return nativeCollection<SellerAccount>(db, 'seller_accounts');
}

export async function ensureSellerAccountIndexes(accounts: SellerAccountCollection): Promise<void> {
  await accounts.createIndex({ accountId: 1 });
}

export function statusOf(account: SellerAccount | null): 'none' | SellerAccountStatus {
  if (!account) return 'none';
  return account.payoutsEnabled ? 'enabled' : 'pending';
}

export async function findSellerAccount(
  accounts: SellerAccountCollection,
  userId: string,
): Promise<SellerAccount | null> {
  return accounts.findOne({ _id: userId });
}

export async function findByStripeAccount(
  accounts: SellerAccountCollection,
  accountId: string,
): Promise<SellerAccount | null> {
  return accounts.findOne({ accountId });
}
