import { resourceMissing } from '../lib/stripe-error';
import type { PaymentIntent } from '../state/objects';
import type { DomainContext } from './context';

export function findPaymentIntent(dc: DomainContext, id: string, param = 'intent'): PaymentIntent {
  const pi = dc.store.paymentIntents.get(id);
  if (!pi) throw resourceMissing('payment_intent', id, param);
  return pi;
}
