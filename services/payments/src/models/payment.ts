import { PaymentDto, PaymentStatus } from '@bigtix/common';
import { VersionedStore, VersionedStoreOptions } from '@bigtix/middleware';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type Stripe from 'stripe';
import { nativeCollection } from './collections';

/** `pending`: the attempt is claimed and its PaymentIntent is being created. Shown as `processing`. */
export type StoredPaymentStatus = 'pending' | PaymentStatus;

/** One payment attempt for an order: attempt n of order o is unique (`attemptKey` = `o#n`). */
export interface Payment {
  _id: string;
  version: number;
  orderId: string;
  userId: string;
  attempt: number;
  attemptKey: string;
  amount: number;
  currency: string;
  status: StoredPaymentStatus;
  confirmationTokenId: string;
  paymentIntentId: string | null;
  clientSecret: string | null;
  failureMessage: string | null;
  refundId: string | null;
  createdAt: string;
  updatedAt: string;
}

export type PaymentStore = VersionedStore<Payment>;

export interface PaymentCollections {
  store: PaymentStore;
  docs: Collection<Payment>;
}

/** `options.onCommit`: called after every payment change stored (the service wakes its outbox relay). */
export function paymentCollections(
  db: Connection,
  options: Pick<VersionedStoreOptions, 'onCommit'> = {},
): PaymentCollections {
  const docs = nativeCollection<Payment>(db, 'payments');
  return { store: new VersionedStore<Payment>(docs, nativeCollection(db, 'payment_changes'), options), docs };
}

/** The unique key is the claim that keeps two attempts of one order from being created at once. */
export async function ensurePaymentIndexes({ docs, store }: PaymentCollections): Promise<void> {
  await docs.createIndex({ attemptKey: 1 }, { unique: true });
  await docs.createIndex({ orderId: 1, attempt: 1 });
  await docs.createIndex({ paymentIntentId: 1 });
  await store.ensureIndexes();
}

/** A payment that may still take the buyer's money: a second one for the order is refused. */
export const IN_FLIGHT_STATUSES: readonly StoredPaymentStatus[] = ['pending', 'requires_action', 'processing'];

/**
 * Where a payment may go next. Statuses only move forward, so replays and out-of-order webhooks
 * change nothing: a succeeded payment never becomes failed. `failed → succeeded` exists because
 * Stripe lets a PaymentIntent that failed be confirmed again and succeed. `refunded` is reachable
 * from any status money could have been taken in: a refund Stripe accepted proves the charge.
 */
const NEXT: Record<StoredPaymentStatus, readonly StoredPaymentStatus[]> = {
  pending: ['requires_action', 'processing', 'succeeded', 'failed', 'canceled', 'refunded'],
  requires_action: ['processing', 'succeeded', 'failed', 'canceled', 'refunded'],
  processing: ['requires_action', 'succeeded', 'failed', 'canceled', 'refunded'],
  failed: ['succeeded', 'canceled', 'refunded'],
  succeeded: ['refunded'],
  canceled: [],
  refunded: [],
};

export function canMove(from: StoredPaymentStatus, to: StoredPaymentStatus): boolean {
  return NEXT[from].includes(to);
}

/** Our status for a PaymentIntent's status after it was confirmed. */
export function statusOfIntent(status: Stripe.PaymentIntent.Status): StoredPaymentStatus {
  switch (status) {
    case 'succeeded':
      return 'succeeded';
    case 'requires_action':
      return 'requires_action';
    case 'canceled':
      return 'canceled';
    // After a confirmation, "needs a payment method" means the attempt failed (decline, 3DS failed).
    case 'requires_payment_method':
      return 'failed';
    default:
      return 'processing';
  }
}

export function toPaymentDto(p: Payment): PaymentDto {
  const dto: PaymentDto = {
    id: p._id,
    orderId: p.orderId,
    status: p.status === 'pending' ? 'processing' : p.status,
    amount: p.amount,
    currency: p.currency,
  };
  // Only while the browser has something to finish (3-D Secure); it is a credential for the intent.
  if (p.status === 'requires_action' && p.clientSecret) dto.clientSecret = p.clientSecret;
  if (p.failureMessage && (p.status === 'failed' || p.status === 'canceled' || p.status === 'refunded'))
    dto.failureMessage = p.failureMessage;
  return dto;
}

export async function listOrderPayments(docs: Collection<Payment>, orderId: string): Promise<Payment[]> {
  const rows = await docs.find({ orderId }).toArray();
  return rows.sort((a, b) => a.attempt - b.attempt);
}

export async function findPaymentByIntent(docs: Collection<Payment>, paymentIntentId: string): Promise<Payment | null> {
  return docs.findOne({ paymentIntentId });
}
