import { newId } from '../lib/ids';
import { resourceMissing } from '../lib/stripe-error';
import type { BillingDetails, ConfirmationToken, PaymentMethod } from '../state/objects';
import type { DomainContext } from './context';
import { cardDetails, TEST_CARDS, type TestCard } from './test-cards';

export function emptyBillingDetails(): BillingDetails {
  return {
    address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
    email: null,
    name: null,
    phone: null,
    tax_id: null,
  };
}

/** Like Stripe, passing a test PaymentMethod (`pm_card_visa`) creates a fresh `pm_…` each time. */
export function createPaymentMethod(dc: DomainContext, card: TestCard): PaymentMethod {
  const pm: PaymentMethod = {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: emptyBillingDetails(),
    card: cardDetails(card, fingerprintOf(card)),
    created: dc.clock.nowSeconds(),
    customer: null,
    livemode: false,
    metadata: {},
    type: 'card',
  };
  dc.store.paymentMethods.set(pm.id, pm);
  dc.store.cards.set(pm.id, card);
  return pm;
}

// Stable per card number, as Stripe's fingerprints are.
function fingerprintOf(card: TestCard): string {
  return `fp${card.brand}${card.last4}`.padEnd(16, 'x').slice(0, 16);
}

/** Resolves a `payment_method` parameter: a Stripe test PaymentMethod name or a `pm_…` the fake created. */
export function resolvePaymentMethod(
  dc: DomainContext,
  id: string,
  param = 'payment_method',
): { card: TestCard; existing?: PaymentMethod } {
  const testCard = TEST_CARDS[id];
  if (testCard) return { card: testCard };
  const existing = dc.store.paymentMethods.get(id);
  const card = dc.store.cards.get(id);
  if (!existing || !card) throw resourceMissing('PaymentMethod', id, param);
  return { card, existing };
}

export function paymentMethodPreview(card: TestCard): ConfirmationToken['payment_method_preview'] {
  return {
    allow_redisplay: 'unspecified',
    billing_details: emptyBillingDetails(),
    card: cardDetails(card, fingerprintOf(card)),
    customer: null,
    type: 'card',
  };
}
