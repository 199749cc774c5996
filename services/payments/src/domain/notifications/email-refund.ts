import { formatCents } from '@bigtix/common';
import { findPaymentByIntent } from '../../models/payment';
import type { RefundFact } from '../../models/refund-facts';
import type { PaymentsDeps } from '../../deps';
import { refundNoticeFact } from '../../models/keys';

export type BookedRefundKind = 'refund' | 'partial_refund' | 'returned_charge';

const what: Record<BookedRefundKind, (amount: string, orderId: string) => string> = {
  refund: (amount, orderId) => `Your order ${orderId} has been refunded in full: ${amount}, fees included.`,
  partial_refund: (amount, orderId) => `We have refunded ${amount} of your order ${orderId}.`,
  returned_charge: (amount, orderId) =>
    `Your payment of ${amount} for order ${orderId} arrived after the order could no longer be completed (it had expired or was cancelled), so it has been refunded.`,
};

/**
 * The buyer's refund notice, once per Stripe Refund (`refund:<refundId>`), sent after the refund
 * is booked (a cancelled event's refund as any other): the amount exactly as booked, in cents.
 */
export async function emailRefund(deps: PaymentsDeps, refund: RefundFact, kind: BookedRefundKind): Promise<void> {
  if (!deps.notifier) return;
  const buyerId =
    (await deps.orders.findById(refund.orderId))?.userId ??
    (await findPaymentByIntent(deps.payments.docs, refund.paymentIntentId))?.userId;
  if (!buyerId) return;
  const amount = formatCents(refund.amount, refund.currency);
  await deps.notifier.notify(refundNoticeFact(refund._id), buyerId, {
    subject: `Refund of ${amount} on its way`,
    paragraphs: [
      what[kind](amount, refund.orderId),
      'It goes back to the card you paid with; banks usually show it within 5 to 10 business days.',
    ],
    action: { label: 'See your order', path: `/orders/${refund.orderId}` },
  });
}
