/**
 * Why a hold was taken: by the order's creation, or again by a payment that arrived after the
 * order expired (each outcome releases only the holds it is about).
 */
export type HoldPurpose = 'order' | 'late';

/**
 * One generation of a ticket's hold, `_id` = `<ticketId>#<generation>`. Inserting it is the one
 * atomic decision "this order has this ticket" (a unique insert has exactly one winner, on
 * FerretDB too). A hold is never updated or deleted: it is released by inserting its release
 * marker (`HoldReleaseDoc`, same `_id`), and only once generation g is released can anyone take
 * g+1. So a release names exactly the hold it ends and can never touch a later buyer's hold of the
 * same ticket, however late or often it runs; that makes every release idempotent. Holds of paid
 * orders are never released, so a sold ticket can never be held again.
 */
export interface HoldDoc {
  _id: string;
  ticketId: string;
  generation: number;
  orderId: string;
  userId: string;
  purpose: HoldPurpose;
  expiresAt: Date;
  createdAt: Date;
  /** Minute of `createdAt` since the epoch: the orphan sweep reads holds by this (an equality FerretDB pushes down). */
  minute: number;
}

/** The hold `_id` has been released. */
export interface HoldReleaseDoc {
  _id: string;
  orderId: string;
  releasedAt: Date;
}

/**
 * Where to start looking for a ticket's current generation. Only a hint (written after a hold is
 * taken, without any condition): it is never ahead of the newest generation, and looking from a
 * stale one only costs a few more reads.
 */
export interface HoldHeadDoc {
  _id: string;
  generation: number;
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
