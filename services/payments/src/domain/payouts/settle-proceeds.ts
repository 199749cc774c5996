import { book, findEntry } from '../../models/ledger';
import { Proceeds, decide, decisionOf, isFinished, markFinished, proceedsOfOrder } from '../../models/proceeds';
import { findSellerAccount } from '../../models/seller-account';
import { isVerifiedSeller } from '../../models/verified-sellers';
import type { TransferSnapshot } from '../../adapters/stripe/connect-gateway';
import type { PaymentsDeps } from '../../deps';
import { orderRefunded } from '../ledger/book-refund';
import { emailPayout } from '../notifications/email-payout';
import { payableAt } from './payable-at';
import { reversalEntryKey, sellerPayableAccount, transferEntryKey } from '../../models/keys';

export type SettleOutcome =
  | 'not-due'
  | 'awaiting-verification'
  | 'awaiting-account'
  | 'transferred'
  | 'in-flight'
  | 'refunded'
  | 'reversed'
  | 'done';

/**
 * Moves one seller's proceeds of one order as far as it can go now. Safe to run from every replica
 * at once and again after any crash:
 * - the decision (`transfer` or `refunded`) is a unique insert per (order, seller): a refund that
 *   comes first means no transfer ever; the first worker to find it due is the only one to send it;
 * - the Transfer carries the idempotency key per (order, seller), and a decision whose worker
 *   died is resumed after PAYOUT_RETRY_AFTER_MS with the same key (after Stripe forgets the key,
 *   the order's transfer_group is searched first), so Stripe makes one Transfer;
 * - the ledger entries are keyed too, so the transfer and the reversal are booked once.
 */
export async function settleProceeds(deps: PaymentsDeps, p: Proceeds, by = 'worker'): Promise<SettleOutcome> {
  const { ledger, store } = deps.payouts;
  if (await isFinished(store, p._id)) return 'done';
  const refunded = await orderRefunded(deps, p.orderId);
  let decision = await decisionOf(store, p._id);
  if (!decision && refunded) decision = (await decide(store, p._id, 'refunded', by)).decision;
  if (decision?.decision === 'refunded') {
    await markFinished(store, p._id, 'refunded');
    return 'refunded';
  }

  let transfer = await findEntry(ledger, transferEntryKey(p));
  if (!decision) {
    // Paid only to an address someone owns: auth's `user.email-verified` puts the seller here.
    if (!(await isVerifiedSeller(deps.payouts.verifiedSellers, p.sellerId))) return 'awaiting-verification';
    const account = await findSellerAccount(deps.payouts.accounts, p.sellerId);
    if (!account?.payoutsEnabled) return 'awaiting-account';
    const due = await payableAt(deps, p);
    if (due === null || due > deps.now()) return 'not-due';
    const taken = await decide(store, p._id, 'transfer', by);
    if (taken.decision.decision === 'refunded') return 'refunded';
    // Lost: another worker is sending the Transfer right now.
    if (!taken.won) return transfer ? 'transferred' : 'in-flight';
    transfer = await sendTransfer(deps, p, account.accountId);
  } else if (!transfer && refunded) {
    // Refunded while (or before) the decided Transfer was being sent: book it if Stripe made it
    // (then reverse it below); if not, none is sent any more (sendTransfer checks the refund
    // first, and Stripe refuses a transfer from a refunded charge). A Transfer an in-flight worker
    // still makes is booked by it and reversed on the next pass.
    transfer = await bookExistingTransfer(deps, p);
    if (!transfer) {
      // Past the time any worker's Transfer call can take, no Transfer will ever appear.
      if (+new Date(decision.at) < deps.now() - deps.config.payoutRetryAfterMs)
        await markFinished(store, p._id, 'refunded');
      return 'refunded';
    }
  } else if (!transfer) {
    // Decided `transfer` but not booked: in flight elsewhere, or its worker crashed.
    if (+new Date(decision.at) > deps.now() - deps.config.payoutRetryAfterMs) return 'in-flight';
    const account = await findSellerAccount(deps.payouts.accounts, p.sellerId);
    if (!account) return 'in-flight';
    transfer = await sendTransfer(deps, p, account.accountId);
  }
  if (!transfer) return refunded ? 'refunded' : 'in-flight';
  if (!refunded) return transfer ? 'transferred' : 'in-flight';
  if (await findEntry(ledger, reversalEntryKey(p))) {
    await markFinished(store, p._id, 'reversed');
    return 'done';
  }
  const reversal = await deps.payouts.connect.reverseTransfer(p.orderId, p.sellerId, transfer!.stripeId!);
  await book(ledger, {
    _id: reversalEntryKey(p),
    kind: 'reversal',
    orderId: p.orderId,
    currency: p.currency,
    postings: [
      { account: 'stripe_balance', amount: reversal.amount },
      { account: sellerPayableAccount(p.sellerId), amount: -reversal.amount },
    ],
    stripeId: reversal.id,
    sellerId: p.sellerId,
  });
  await markFinished(store, p._id, 'reversed');
  deps.logger.info({ orderId: p.orderId, sellerId: p.sellerId, reversalId: reversal.id }, 'payout reversed');
  return 'reversed';
}

async function sendTransfer(deps: PaymentsDeps, p: Proceeds, destination: string) {
  const { connect } = deps.payouts;
  // A Transfer this (order, seller) already has in Stripe is booked, never sent again.
  const existing = await bookExistingTransfer(deps, p);
  if (existing) return existing;
  if (await orderRefunded(deps, p.orderId)) return null;
  const charge = await connect.chargeOf(p.paymentIntentId);
  if (!charge) throw new Error(`order ${p.orderId}: PaymentIntent ${p.paymentIntentId} has no charge`);
  let transfer;
  try {
    transfer = await connect.createTransfer({
      orderId: p.orderId,
      sellerId: p.sellerId,
      amount: p.proceeds,
      currency: p.currency,
      destination,
      sourceTransaction: charge,
    });
  } catch (err) {
    // Refunded between the check and the call: Stripe refuses to transfer from a refunded charge.
    if (await orderRefunded(deps, p.orderId)) return bookExistingTransfer(deps, p);
    throw err;
  }
  return bookTransfer(deps, p, transfer);
}

async function bookExistingTransfer(deps: PaymentsDeps, p: Proceeds) {
  const found = (await deps.payouts.connect.transfersOfOrder(p.orderId)).find(
    (t) => t.metadata.sellerId === p.sellerId,
  );
  return found ? bookTransfer(deps, p, found) : null;
}

async function bookTransfer(deps: PaymentsDeps, p: Proceeds, transfer: TransferSnapshot) {
  const { ledger } = deps.payouts;
  await book(ledger, {
    _id: transferEntryKey(p),
    kind: 'transfer',
    orderId: p.orderId,
    currency: p.currency,
    postings: [
      { account: sellerPayableAccount(p.sellerId), amount: transfer.amount },
      { account: 'stripe_balance', amount: -transfer.amount },
    ],
    stripeId: transfer.id,
    sellerId: p.sellerId,
  });
  deps.logger.info({ orderId: p.orderId, sellerId: p.sellerId, transferId: transfer.id }, 'payout transferred');
  // A Transfer found only because the order was refunded is reversed next: the seller is told
  // of the cancellation, not of a payout that is being taken back.
  if (!(await orderRefunded(deps, p.orderId))) await emailPayout(deps, p, transfer);
  return findEntry(ledger, transferEntryKey(p));
}

/** Settles every seller of one order (after a refund, or when the order was just paid). */
export async function settleOrder(deps: PaymentsDeps, orderId: string, by = 'webhook'): Promise<void> {
  for (const p of await proceedsOfOrder(deps.payouts.store, orderId)) await settleProceeds(deps, p, by);
}
