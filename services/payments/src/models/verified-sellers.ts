import { claim } from '@bigtix/middleware';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { nativeCollection } from './collections';

/**
 * Users whose email address auth has verified (`user.email-verified`), by user id. A seller's
 * proceeds are not transferred until they are here: payouts go to an address someone owns.
 * Written once per user (the insert of the id), so a redelivered event changes nothing.
 */
export interface VerifiedSeller {
  _id: string;
  verifiedAt: Date;
}

export type VerifiedSellerCollection = Collection<VerifiedSeller>;

export function verifiedSellerCollection(db: Connection): VerifiedSellerCollection {
  return nativeCollection<VerifiedSeller>(db, 'verified_sellers');
}

export async function recordVerifiedSeller(
  sellers: VerifiedSellerCollection,
  userId: string,
  verifiedAt: Date,
): Promise<boolean> {
  return claim(sellers, userId, { verifiedAt });
}

export async function isVerifiedSeller(sellers: VerifiedSellerCollection, userId: string): Promise<boolean> {
  return (await sellers.countDocuments({ _id: userId }, { limit: 1 })) > 0;
}
