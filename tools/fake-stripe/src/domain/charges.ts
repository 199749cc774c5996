import { newId, randomToken } from '../lib/ids';
import type { Charge, PaymentIntent, PaymentMethod } from '../state/objects';
import { recordBalanceTransaction } from './balance';
import type { DomainContext } from './context';
import type { CardOutcome } from './test-cards';

type ChargeResult = { kind: 'succeed'; capture: boolean } | Extract<CardOutcome, { kind: 'decline' }>;

/** The Charge behind one payment attempt. Stripe creates one per attempt, failed ones included. */
export function createCharge(dc: DomainContext, pi: PaymentIntent, pm: PaymentMethod, result: ChargeResult): Charge {
  const succeeded = result.kind === 'succeed';
  const captured = succeeded && result.capture;
  const charge: Charge = {
    id: newId('ch'),
    object: 'charge',
    amount: pi.amount,
    amount_captured: captured ? pi.amount : 0,
    amount_refunded: 0,
    balance_transaction: null,
    billing_details: pm.billing_details,
    calculated_statement_descriptor: 'BIGTIX',
    captured,
    created: dc.clock.nowSeconds(),
    currency: pi.currency,
    customer: null,
    description: pi.description,
    disputed: false,
    failure_code: succeeded ? null : result.code,
    failure_message: succeeded ? null : result.message,
    livemode: false,
    metadata: { ...pi.metadata },
    outcome: succeeded
      ? {
          network_status: 'approved_by_network',
          reason: null,
          risk_level: 'normal',
          risk_score: 32,
          seller_message: 'Payment complete.',
          type: 'authorized',
        }
      : {
          network_status: 'declined_by_network',
          reason: result.declineCode,
          risk_level: 'normal',
          risk_score: 32,
          seller_message: result.sellerMessage,
          type: 'issuer_declined',
        },
    paid: succeeded,
    payment_intent: pi.id,
    payment_method: pm.id,
    payment_method_details: { card: { ...pm.card, amount_authorized: succeeded ? pi.amount : null }, type: 'card' },
    receipt_email: pi.receipt_email,
    receipt_url: `https://pay.stripe.com/receipts/payment/${randomToken(48)}`,
    refunded: false,
    status: succeeded ? 'succeeded' : 'failed',
    transfer_group: pi.transfer_group,
  };
  if (captured) {
    charge.balance_transaction = recordBalanceTransaction(
      dc,
      'charge',
      charge.amount,
      charge.currency,
      charge.id,
      pi.description,
    );
  }
  dc.store.charges.set(charge.id, charge);
  return charge;
}
