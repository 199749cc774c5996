import { findPaymentByIntent } from '../../models/payment';
import { LedgerEntry, Posting, book, entriesOfOrder, findEntry } from '../../models/ledger';
import { RefundFact, recordRefund, refundsOfIntent } from '../../models/refund-facts';
import type { PaymentsDeps } from '../../deps';
import { BookedRefundKind, emailRefund } from '../notifications/email-refund';
import { refundEntryKey, rejectedChargeEntryKey, saleEntryKey } from '../../models/keys';

export interface RefundFacts {
  refundId: string;
  paymentIntentId: string;
  amount: number;
  currency: string;
}

/**
 * Notes money given back to a buyer (`refund.created`, whoever asked for it: orders' rejection, an
 * operator in the Dashboard) and books it if orders' verdict on the PaymentIntent is known here.
 * The verdict is orders' decision, carried by its events, never guessed from the order replica: a
 * webhook that overtakes `order.paid` would otherwise book a sale's refund as a refused charge and
 * the sale beside it. Until the verdict arrives the refund waits in `refunds_seen`, and the
 * verdict's consumer books it. Returns the order id, or null for a PaymentIntent this service did
 * not create.
 */
export async function noteRefund(deps: PaymentsDeps, refund: RefundFacts): Promise<string | null> {
  const payment = await findPaymentByIntent(deps.payments.docs, refund.paymentIntentId);
  if (!payment) return null;
  await recordRefund(deps.payouts.refunds, { _id: refund.refundId, orderId: payment.orderId, ...refund });
  if (!(await bookRefundsOfIntent(deps, payment.orderId, refund.paymentIntentId))) {
    deps.logger.info(
      { orderId: payment.orderId, paymentIntentId: refund.paymentIntentId, refundId: refund.refundId },
      'refund seen before orders decided on its PaymentIntent; booked when it does',
    );
  }
  return payment.orderId;
}

/**
 * Orders refused money that arrived (`order.payment-rejected`): it is owed back to the buyer. This
 * entry is the verdict that refunds of the PaymentIntent are booked against, written before the
 * refund is asked for so that the refund's webhook finds it.
 */
export async function bookRejectedCharge(
  deps: PaymentsDeps,
  rejected: { orderId: string; paymentIntentId: string; amount: number },
): Promise<void> {
  const payment = await findPaymentByIntent(deps.payments.docs, rejected.paymentIntentId);
  await book(deps.payouts.ledger, {
    _id: rejectedChargeEntryKey(rejected.paymentIntentId),
    kind: 'rejected_charge',
    orderId: rejected.orderId,
    // Every PaymentIntent is created here, so its record exists; usd is the platform's currency.
    currency: payment?.currency ?? 'usd',
    postings: [
      { account: 'stripe_balance', amount: rejected.amount },
      { account: 'refunds_due', amount: -rejected.amount },
    ],
    stripeId: rejected.paymentIntentId,
    sellerId: null,
  });
}

/**
 * Books every refund seen for the PaymentIntent against orders' verdict on it, once per Refund
 * (`refund:<refundId>`). Called whenever either side arrives: the refund (webhook) or the verdict
 * (`order.paid`, `order.payment-rejected`). False while there is no verdict yet.
 * - A sale refunded in full is undone, and its sellers are not paid (or are reversed).
 * - A partial refund of a sale (a goodwill gesture from the Dashboard) comes out of the platform's
 *   fees and changes nothing for the sellers.
 * - A refused charge's refund pays back what was owed to the buyer.
 */
export async function bookRefundsOfIntent(
  deps: PaymentsDeps,
  orderId: string,
  paymentIntentId: string,
): Promise<boolean> {
  const { ledger } = deps.payouts;
  const sale = await findEntry(ledger, saleEntryKey(orderId));
  const verdict: LedgerEntry | null =
    sale?.stripeId === paymentIntentId ? sale : await findEntry(ledger, rejectedChargeEntryKey(paymentIntentId));
  if (!verdict) return false;
  for (const refund of await refundsOfIntent(deps.payouts.refunds, paymentIntentId)) {
    // Booked first; the buyer's notice after it, on every pass (a pass may have stopped in between).
    await emailRefund(deps, refund, await bookOnce(deps, refund, verdict));
  }
  return true;
}

async function bookOnce(deps: PaymentsDeps, refund: RefundFact, verdict: LedgerEntry): Promise<BookedRefundKind> {
  const charged = verdict.postings.find((p) => p.account === 'stripe_balance')!.amount;
  const full = refund.amount === charged;
  let postings: Posting[];
  if (verdict.kind === 'rejected_charge') {
    postings = [
      { account: 'stripe_balance', amount: -refund.amount },
      { account: 'refunds_due', amount: refund.amount },
    ];
  } else if (full) {
    postings = verdict.postings.map((p) => ({ account: p.account, amount: -p.amount }));
  } else {
    postings = [
      { account: 'stripe_balance', amount: -refund.amount },
      { account: 'platform_fees', amount: refund.amount },
    ];
  }
  const kind = verdict.kind === 'rejected_charge' ? 'returned_charge' : full ? 'refund' : 'partial_refund';
  await book(deps.payouts.ledger, {
    _id: refundEntryKey(refund._id),
    kind,
    orderId: refund.orderId,
    currency: refund.currency,
    postings,
    stripeId: refund._id,
    sellerId: null,
  });
  return kind;
}

/** True once a full refund of the order's charge is booked: its sellers are not paid (or are reversed). */
export async function orderRefunded(deps: PaymentsDeps, orderId: string): Promise<boolean> {
  return (await entriesOfOrder(deps.payouts.ledger, orderId)).some((e) => e.kind === 'refund');
}
