import type Stripe from 'stripe';
import type { PaymentsDeps } from '../../deps';
import { noteRefund } from '../ledger/book-refund';
import { applyAccountUpdate } from './onboard-seller';
import { settleOrder } from './settle-proceeds';

/** The Stripe events payouts acts on (register them on the webhook endpoint). */
export const PAYOUT_STRIPE_EVENTS = ['account.updated', 'refund.created'] as const;

/**
 * `account.updated`: the seller's onboarding state. `refund.created`: money went back to a buyer,
 * whoever asked (orders' rejection, an operator in the Dashboard): booked once per Refund, then
 * the order's sellers are settled at once (no transfer if none was sent; a reversal if one was).
 * Returns whether the event meant anything here.
 */
export async function handlePayoutEvent(deps: PaymentsDeps, event: Stripe.Event): Promise<boolean> {
  if (event.type === 'account.updated') {
    return applyAccountUpdate(deps, (event.data.object as Stripe.Account).id);
  }
  if (event.type === 'refund.created') {
    const refund = event.data.object as Stripe.Refund;
    const paymentIntentId =
      typeof refund.payment_intent === 'string' ? refund.payment_intent : refund.payment_intent?.id;
    if (!paymentIntentId || refund.status === 'failed' || refund.status === 'canceled') return false;
    const orderId = await noteRefund(deps, {
      refundId: refund.id,
      paymentIntentId,
      amount: refund.amount,
      currency: refund.currency,
    });
    if (orderId) await settleOrder(deps, orderId);
    return orderId !== null;
  }
  return false;
}
