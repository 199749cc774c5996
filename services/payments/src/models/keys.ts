/**
 * Every key payments decides or repeats a write by, in one place: the `_id` of a claim (whoever
 * inserts it first wins, see "Concurrency" in docs/ARCHITECTURE.md), a ledger entry booked once,
 * a fact emailed once, or an idempotency key Stripe answers a retried write with. These formats
 * are stored (in this database and in Stripe's idempotency records for 24 hours): changing one
 * would let an existing attempt, entry, payout or email happen twice. test/models/keys.test.ts
 * pins them. (A payment's `<paymentId>@<version>` and the order replica's `<orderId>@<version>`
 * belong to VersionedStore and ReplicaStore.)
 */

// Claims.

/** Attempt `n` of an order: one payment document per attempt (`payments.attemptKey`, unique). */
export const attemptKey = (orderId: string, attempt: number): string => `${orderId}#${attempt}`;

/** What one seller is owed by one order: `proceeds`, `payout_decisions` and `payouts_finished` by this `_id`. */
export const proceedsKey = (orderId: string, sellerId: string): string => `${orderId}:${sellerId}`;

// Ledger entries (`ledger_entries._id`): each booked once.

/** The order's sale, booked from `order.paid`. */
export const saleEntryKey = (orderId: string): string => `sale:${orderId}`;

/** A charge orders refused (order expired, already paid), owed back to the buyer. */
export const rejectedChargeEntryKey = (paymentIntentId: string): string => `rejected_charge:${paymentIntentId}`;

/** A Refund seen in Stripe (full, partial, or a refused charge paid back). */
export const refundEntryKey = (refundId: string): string => `refund:${refundId}`;

/** The Transfer of one seller's proceeds of one order. */
export const transferEntryKey = (p: { orderId: string; sellerId: string }): string =>
  `transfer:${p.orderId}:${p.sellerId}`;

/** The reversal of that Transfer (the order was refunded after it was sent). */
export const reversalEntryKey = (p: { orderId: string; sellerId: string }): string =>
  `reversal:${p.orderId}:${p.sellerId}`;

// Facts emailed once (`Notifier.notify` of @bigtix/mailer).

/** The refund notice to the buyer. */
export const refundNoticeFact = (refundId: string): string => `refund:${refundId}`;

/** "Payout sent" to the seller: one Transfer per order and seller ever. */
export const payoutNoticeFact = (p: { orderId: string; sellerId: string }): string =>
  `payout:${p.orderId}:${p.sellerId}`;

// Stripe: idempotency keys of writes, and the group every object of an order shares.

/** The PaymentIntent of one attempt: a client retry, a crash or a resume gets the same one back. */
export const intentIdempotencyKey = (p: { orderId: string; attempt: number }): string =>
  `bigtix-pi-${p.orderId}-${p.attempt}`;

/** A refund of a PaymentIntent orders rejected: once per PaymentIntent. */
export const refundIdempotencyKey = (paymentIntentId: string): string => `bigtix-refund-${paymentIntentId}`;

/** The refund of a cancelled event's paid order: once per order. */
export const cancelRefundIdempotencyKey = (orderId: string): string => `bigtix-cancel-refund-${orderId}`;

/** A seller's Express account: created once per user. */
export const accountIdempotencyKey = (userId: string): string => `bigtix-account-${userId}`;

/** The Transfer of one seller's proceeds of one order. */
export const transferIdempotencyKey = (orderId: string, sellerId: string): string =>
  `bigtix-transfer-${orderId}-${sellerId}`;

/** The reversal of that Transfer. */
export const reversalIdempotencyKey = (orderId: string, sellerId: string): string =>
  `bigtix-reversal-${orderId}-${sellerId}`;

/** The name every Stripe object of one order shares: PaymentIntent, Charge, Transfers (reconcile lists by it). */
export const transferGroupOf = (orderId: string): string => `order_${orderId}`;

// Ledger accounts named after someone.

/** What the platform owes a seller (credit) or a seller owes it (debit): `LedgerAccount` in models/ledger.ts. */
export const sellerPayableAccount = (sellerId: string): `seller_payable:${string}` => `seller_payable:${sellerId}`;
