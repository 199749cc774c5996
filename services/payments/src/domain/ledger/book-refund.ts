import { Posting, book, entriesOfOrder, findEntry } from '../../models/ledger';
import type { PaymentsDeps } from '../deps';
import { bookSale } from './book-sale';

export interface RefundFacts {
  refundId: string;
  paymentIntentId: string;
  amount: number;
  currency: string;
}

/**
 * Books money given back to a buyer, once per Stripe Refund (`refund:<refundId>`), from
 * `refund.created` whoever asked for it (orders' rejection, an operator in the Dashboard).
 * - A paid order refunded in full: the sale is undone, and its sellers are not paid (or reversed).
 * - A partial refund (a goodwill gesture from the Dashboard) comes out of the platform's fees and
 *   changes nothing for the sellers.
 * - Money orders refused (the order was never paid): booked as a charge owed back and its refund.
 * Returns the order id, or null for a PaymentIntent this service does not know.
 */
export async function bookRefund(deps: PaymentsDeps, refund: RefundFacts): Promise<string | null> {
  const payment = await deps.payments.docs.findOne({ paymentIntentId: refund.paymentIntentId });
  const orderId = (payment?.orderId as string | undefined) ?? null;
  if (!orderId) return null;
  const order = await deps.orders.findById(orderId);
  const paidWithThis = order?.status === 'paid' && order.paymentIntentId === refund.paymentIntentId;
  if (paidWithThis && order && !(await findEntry(deps.payouts.ledger, `sale:${orderId}`))) {
    // The refund webhook overtook order.paid: book the sale first so the refund undoes something.
    await bookSale(deps, { ...order, id: order._id, paymentIntentId: refund.paymentIntentId });
  }
  const sale = paidWithThis ? await findEntry(deps.payouts.ledger, `sale:${orderId}`) : null;

  if (!sale) {
    await book(deps.payouts.ledger, {
      _id: `rejected_charge:${refund.paymentIntentId}`,
      kind: 'rejected_charge',
      orderId,
      currency: refund.currency,
      postings: [
        { account: 'stripe_balance', amount: Number(payment?.amount ?? refund.amount) },
        { account: 'refunds_due', amount: -Number(payment?.amount ?? refund.amount) },
      ],
      stripeId: refund.paymentIntentId,
      sellerId: null,
    });
    await bookOnce(deps, orderId, refund, [
      { account: 'stripe_balance', amount: -refund.amount },
      { account: 'refunds_due', amount: refund.amount },
    ]);
    return orderId;
  }

  const full = refund.amount === sale.postings.find((p) => p.account === 'stripe_balance')!.amount;
  const postings: Posting[] = full
    ? sale.postings.map((p) => ({ account: p.account, amount: -p.amount }))
    : [
        { account: 'stripe_balance', amount: -refund.amount },
        { account: 'platform_fees', amount: refund.amount },
      ];
  await bookOnce(deps, orderId, refund, postings, full ? 'refund' : 'partial_refund');
  return orderId;
}

async function bookOnce(
  deps: PaymentsDeps,
  orderId: string,
  refund: RefundFacts,
  postings: Posting[],
  kind: 'refund' | 'partial_refund' = 'refund',
) {
  await book(deps.payouts.ledger, {
    _id: `refund:${refund.refundId}`,
    kind,
    orderId,
    currency: refund.currency,
    postings,
    stripeId: refund.refundId,
    sellerId: null,
  });
}

/** True once a full refund of the order's charge is booked: its sellers are not paid (or are reversed). */
export async function orderRefunded(deps: PaymentsDeps, orderId: string): Promise<boolean> {
  return (await entriesOfOrder(deps.payouts.ledger, orderId)).some((e) => e.kind === 'refund');
}
