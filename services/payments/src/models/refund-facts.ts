import { claim } from '@bigtix/middleware';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { nativeCollection } from './collections';

/**
 * A Stripe Refund payments has seen (`refund.created`), keyed by the Refund's id, written once
 * and never changed. It is kept because a refund can be booked only against orders' verdict on
 * the PaymentIntent (its order was paid with it, or orders refused it), and a webhook can arrive
 * before that verdict's event does: the fact waits here and is booked when the verdict arrives.
 */
export interface RefundFact {
  _id: string;
  paymentIntentId: string;
  orderId: string;
  amount: number;
  currency: string;
  seenAt: Date;
}

export type RefundFactCollection = Collection<RefundFact>;

export function refundFactCollection(db: Connection): RefundFactCollection {
  return nativeCollection<RefundFact>(db, 'refunds_seen');
}

export async function ensureRefundFactIndexes(refunds: RefundFactCollection): Promise<void> {
  await refunds.createIndex({ paymentIntentId: 1 });
}

export async function recordRefund(refunds: RefundFactCollection, fact: Omit<RefundFact, 'seenAt'>): Promise<void> {
  const { _id, ...rest } = fact;
  await claim(refunds, _id, { ...rest, seenAt: new Date() });
}

export async function refundsOfIntent(refunds: RefundFactCollection, paymentIntentId: string): Promise<RefundFact[]> {
  return refunds.find({ paymentIntentId }).toArray();
}
