import type { TicketReplicaDoc } from './ticket-replica';

/**
 * A ticket held by an order: `_id` is the ticket id, so inserting it is the one atomic decision
 * "this order has this ticket" (FerretDB: a unique insert has exactly one winner). A hold is
 * never updated, only inserted and deleted by the order that owns it once its outcome is decided
 * (holds of paid orders stay forever, so a sold ticket can never be held again).
 */
export interface HoldDoc {
  _id: string;
  orderId: string;
  userId: string;
  expiresAt: Date;
  createdAt: Date;
  /** Minute of `createdAt` since the epoch: the orphan sweep reads holds by this (an equality FerretDB pushes down). */
  minute: number;
}

export const minuteOf = (ms: number): number => Math.floor(ms / 60_000);

/**
 * The one final outcome of an order, keyed by the order id (`<orderId>:late` for the decision
 * about a payment that arrived after the order expired). Whoever inserts it first decides.
 */
export type OutcomeKind = 'paid' | 'cancelled' | 'expired' | 'abandoned' | 'rejected';

export interface OutcomeDoc {
  _id: string;
  orderId: string;
  outcome: OutcomeKind;
  /** paid / rejected: the PaymentIntent concerned. */
  paymentIntentId?: string;
  amount?: number;
  reason?: string;
  decidedAt: Date;
  /** Set once the order document, the holds and any refund reflect the outcome. */
  appliedAt: Date | null;
  /**
   * 1 until applied, then 0. The repair sweep finds lagging outcomes by this integer because
   * FerretDB pushes integer equality down to SQL but scans the collection for `appliedAt: null`.
   */
  pending: 0 | 1;
}

/** One replica version claim `<ticketId>@<version>`: serializes replica writes per ticket. */
export interface TicketVersionDoc {
  _id: string;
  ticketId: string;
  version: number;
  /** The replica state claimed for this version, so a crashed writer's version can be rolled forward. */
  state: TicketReplicaDoc;
  createdAt: Date;
}
