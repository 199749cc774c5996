import type { TestCard } from '../domain/test-cards';
import type {
  Account,
  BalanceTransaction,
  Charge,
  ConfirmationToken,
  PaymentIntent,
  PaymentMethod,
  Refund,
  StripeEvent,
  Transfer,
  TransferReversal,
} from './objects';

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
  readonly accounts = new Map<string, Account>();
  readonly transfers = new Map<string, Transfer>();
  readonly transferReversals = new Map<string, TransferReversal>();
  readonly balanceTransactions = new Map<string, BalanceTransaction>();
  /** Onboarding link token → account id: opening the link completes that account's onboarding. */
  readonly onboardingLinks = new Map<string, { account: string; returnUrl: string; expiresAt: number }>();

  reset(): void {
    for (const map of [
      this.paymentIntents,
      this.confirmationTokens,
      this.paymentMethods,
      this.charges,
      this.refunds,
      this.events,
      this.cards,
      this.accounts,
      this.transfers,
      this.transferReversals,
      this.balanceTransactions,
      this.onboardingLinks,
    ] as Map<string, unknown>[]) {
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
        acct: this.accounts,
        tr: this.transfers,
        trr: this.transferReversals,
        txn: this.balanceTransactions,
      } as Record<string, Map<string, unknown>>
    )[prefix];
    return map?.get(id);
  }
}
