import type { TestCard } from '../domain/test-cards';
import type { Charge, ConfirmationToken, PaymentIntent, PaymentMethod, Refund, StripeEvent } from './objects';

/**
 * All fake Stripe state, in memory. Maps keep insertion order, which is creation order, so lists are the
 * reversed values (Stripe lists newest first). `cards` remembers which test card stands behind each token and
 * PaymentMethod: it decides outcomes but is never serialized.
 */
export class Store {
  readonly paymentIntents = new Map<string, PaymentIntent>();
  readonly confirmationTokens = new Map<string, ConfirmationToken>();
  readonly paymentMethods = new Map<string, PaymentMethod>();
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Refund>();
  readonly events = new Map<string, StripeEvent>();
  readonly cards = new Map<string, TestCard>();

  reset(): void {
    for (const map of [
      this.paymentIntents,
      this.confirmationTokens,
      this.paymentMethods,
      this.charges,
      this.refunds,
      this.events,
      this.cards,
    ]) {
      map.clear();
    }
  }

  /** Used by `expand[]`: resolves an id to its object by Stripe's id prefix. */
  findById(id: string): unknown {
    const prefix = id.slice(0, id.indexOf('_'));
    const map: Map<string, unknown> | undefined = (
      {
        pi: this.paymentIntents,
        ctoken: this.confirmationTokens,
        pm: this.paymentMethods,
        ch: this.charges,
        re: this.refunds,
        evt: this.events,
      } as Record<string, Map<string, unknown>>
    )[prefix];
    return map?.get(id);
  }
}
