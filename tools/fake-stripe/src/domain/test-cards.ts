import type { CardDetails } from '../state/objects';

/**
 * Stripe's test PaymentMethods (https://docs.stripe.com/testing#cards) that the fake understands, and what
 * happens when a PaymentIntent is confirmed with each.
 */
export type CardOutcome =
  | { kind: 'succeed' }
  | { kind: 'decline'; code: string; declineCode: string; message: string; sellerMessage: string }
  | { kind: 'authenticate' };

export interface TestCard {
  brand: string;
  displayBrand: string;
  last4: string;
  outcome: CardOutcome;
}

const SUCCEED: CardOutcome = { kind: 'succeed' };
const GENERIC_DECLINE: CardOutcome = {
  kind: 'decline',
  code: 'card_declined',
  declineCode: 'generic_decline',
  message: 'Your card was declined.',
  sellerMessage: 'The bank did not return any further details with this decline.',
};
const INSUFFICIENT_FUNDS: CardOutcome = {
  kind: 'decline',
  code: 'card_declined',
  declineCode: 'insufficient_funds',
  message: 'Your card has insufficient funds.',
  sellerMessage: 'The bank returned the decline code `insufficient_funds`.',
};

export const TEST_CARDS: Readonly<Record<string, TestCard>> = {
  pm_card_visa: { brand: 'visa', displayBrand: 'visa', last4: '4242', outcome: SUCCEED },
  pm_card_visa_debit: { brand: 'visa', displayBrand: 'visa', last4: '5556', outcome: SUCCEED },
  pm_card_mastercard: { brand: 'mastercard', displayBrand: 'mastercard', last4: '4444', outcome: SUCCEED },
  pm_card_amex: { brand: 'amex', displayBrand: 'american_express', last4: '8431', outcome: SUCCEED },
  pm_card_chargeDeclined: { brand: 'visa', displayBrand: 'visa', last4: '0002', outcome: GENERIC_DECLINE },
  pm_card_visa_chargeDeclinedInsufficientFunds: {
    brand: 'visa',
    displayBrand: 'visa',
    last4: '9995',
    outcome: INSUFFICIENT_FUNDS,
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    brand: 'visa',
    displayBrand: 'visa',
    last4: '9995',
    outcome: INSUFFICIENT_FUNDS,
  },
  pm_card_chargeDeclinedExpiredCard: {
    brand: 'visa',
    displayBrand: 'visa',
    last4: '0069',
    outcome: {
      kind: 'decline',
      code: 'expired_card',
      declineCode: 'expired_card',
      message: 'Your card has expired.',
      sellerMessage: 'The bank returned the decline code `expired_card`.',
    },
  },
  pm_card_authenticationRequired: {
    brand: 'visa',
    displayBrand: 'visa',
    last4: '3184',
    outcome: { kind: 'authenticate' },
  },
  pm_card_threeDSecure2Required: {
    brand: 'visa',
    displayBrand: 'visa',
    last4: '3220',
    outcome: { kind: 'authenticate' },
  },
};

export function cardDetails(card: TestCard, fingerprint: string): CardDetails {
  return {
    brand: card.brand,
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
    country: 'US',
    display_brand: card.displayBrand,
    exp_month: 12,
    exp_year: new Date().getUTCFullYear() + 3,
    fingerprint,
    funding: 'credit',
    generated_from: null,
    last4: card.last4,
    networks: { available: [card.brand], preferred: null },
    regulated_status: 'unregulated',
    three_d_secure_usage: { supported: true },
    wallet: null,
  };
}
