import { claim } from '@bigtix/middleware';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { nativeCollection } from './collections';

/**
 * What one seller earned from one order: written once when the order is paid (keyed
 * `<orderId>:<sellerId>`) and never changed. What happened to it since (transferred, refunded,
 * reversed) is read from the ledger and the payout decision, which have one writer each, so no
 * two writers ever rewrite the same document (FerretDB would let the last one win).
 */
export interface Proceeds {
  _id: string;
  orderId: string;
  sellerId: string;
  buyerId: string;
  paymentIntentId: string;
  currency: string;
  eventIds: string[];
  tickets: { ticketId: string; title: string; eventId: string; price: number; sellerFee: number }[];
  /** Sum of listing prices of the seller's tickets in the order. */
  gross: number;
  /** Sum of seller fees. */
  fee: number;
  /** gross − fee: what the Transfer to the seller carries. */
  proceeds: number;
  soldAt: Date;
}

/**
 * The one decision about a (order, seller) payout, a unique key: `transfer` (a worker took it and
 * sends the Transfer) or `refunded` (the order was refunded first: nothing will ever be sent).
 * Whoever inserts it first decides; a refund that loses to a transfer is answered by a reversal.
 */
export interface PayoutDecision {
  _id: string;
  decision: 'transfer' | 'refunded';
  at: Date;
  by: string;
}

/** A proceeds key (or a part of one) with nothing left to do, ever. */
export interface PayoutFinished {
  _id: string;
  outcome: 'refunded' | 'reversed';
  at: Date;
}

export interface PayoutCollections {
  proceeds: Collection<Proceeds>;
  decisions: Collection<PayoutDecision>;
  /** Proceeds with nothing left to do, ever (refunded and never sent, or sent and reversed). */
  finished: Collection<PayoutFinished>;
}

export function payoutCollections(db: Connection): PayoutCollections {
  return {
    proceeds: nativeCollection<Proceeds>(db, 'proceeds'),
    decisions: nativeCollection<PayoutDecision>(db, 'payout_decisions'),
    finished: nativeCollection<PayoutFinished>(db, 'payout_finished'),
  };
}

export async function markFinished(c: PayoutCollections, key: string, outcome: 'refunded' | 'reversed'): Promise<void> {
  await claim(c.finished, key, { outcome, at: new Date() });
}

export async function isFinished(c: PayoutCollections, key: string): Promise<boolean> {
  return (await c.finished.findOne({ _id: key })) !== null;
}

export async function ensurePayoutIndexes({ proceeds }: PayoutCollections): Promise<void> {
  await proceeds.createIndex({ sellerId: 1, soldAt: -1 });
  await proceeds.createIndex({ orderId: 1 });
}

export async function insertProceeds(c: PayoutCollections, p: Proceeds): Promise<boolean> {
  const { _id, ...rest } = p;
  return claim(c.proceeds, _id, rest);
}

export async function proceedsOfOrder(c: PayoutCollections, orderId: string): Promise<Proceeds[]> {
  return c.proceeds.find({ orderId }).toArray();
}

export async function proceedsOfSeller(c: PayoutCollections, sellerId: string): Promise<Proceeds[]> {
  const rows = await c.proceeds.find({ sellerId }).toArray();
  return rows.sort((a, b) => +new Date(b.soldAt) - +new Date(a.soldAt));
}

export async function decide(
  c: PayoutCollections,
  key: string,
  decision: PayoutDecision['decision'],
  by: string,
): Promise<{ won: boolean; decision: PayoutDecision }> {
  const at = new Date();
  if (await claim(c.decisions, key, { decision, at, by }))
    return { won: true, decision: { _id: key, decision, at, by } };
  // Lost the claim: the winner's decision is there (decisions are never deleted).
  const existing = await c.decisions.findOne({ _id: key });
  return { won: false, decision: existing! };
}

export async function decisionOf(c: PayoutCollections, key: string): Promise<PayoutDecision | null> {
  return c.decisions.findOne({ _id: key });
}
