import { UpstreamError } from '@bigtix/common';
import Stripe from 'stripe';
import {
  accountIdempotencyKey,
  reversalIdempotencyKey,
  transferGroupOf,
  transferIdempotencyKey,
} from '../../models/keys';

/** The part of a connected account the service acts on. */
export interface AccountSnapshot {
  id: string;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  requirements: string[];
}

export interface TransferInput {
  orderId: string;
  sellerId: string;
  amount: number;
  currency: string;
  destination: string;
  /** The order's Charge: the transfer is funded by it, so it never waits on the platform's balance. */
  sourceTransaction: string;
}

export interface TransferSnapshot {
  id: string;
  amount: number;
  destination: string;
  transferGroup: string | null;
  amountReversed: number;
  metadata: Record<string, string>;
}

/**
 * Everything payouts asks of Stripe Connect (separate charges and transfers, Express accounts),
 * in one module so stripe-mock checks it against Stripe's OpenAPI
 * (test/adapters/stripe/connect-gateway.stripe-mock.test.ts). Every write carries an idempotency key.
 */
export class ConnectGateway {
  constructor(
    readonly stripe: Stripe,
    private readonly onUpstreamError: (err: unknown) => void = () => undefined,
  ) {}

  /** One Express account per seller: the key is the seller, so a retried or raced create makes one. */
  async createExpressAccount(userId: string, email: string | null): Promise<AccountSnapshot> {
    return this.call(async () =>
      accountSnapshot(
        await this.stripe.accounts.create(
          {
            type: 'express',
            country: 'US',
            ...(email ? { email } : {}),
            capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
            metadata: { userId },
          },
          { idempotencyKey: accountIdempotencyKey(userId) },
        ),
      ),
    );
  }

  async retrieveAccount(accountId: string): Promise<AccountSnapshot> {
    return this.call(async () => accountSnapshot(await this.stripe.accounts.retrieve(accountId)));
  }

  /** A fresh onboarding link (links are single-use and expire; a new one is made each time). */
  async createOnboardingLink(accountId: string, returnUrl: string, refreshUrl: string): Promise<string> {
    return this.call(async () => {
      const link = await this.stripe.accountLinks.create({
        account: accountId,
        type: 'account_onboarding',
        return_url: returnUrl,
        refresh_url: refreshUrl,
      });
      return link.url;
    });
  }

  /** The Charge behind a PaymentIntent: the transfer's `source_transaction`. */
  async chargeOf(paymentIntentId: string): Promise<string | null> {
    return this.call(async () => {
      const intent = await this.stripe.paymentIntents.retrieve(paymentIntentId);
      const charge = intent.latest_charge;
      return typeof charge === 'string' ? charge : (charge?.id ?? null);
    });
  }

  async createTransfer(input: TransferInput): Promise<TransferSnapshot> {
    return this.call(async () =>
      transferSnapshot(
        await this.stripe.transfers.create(
          {
            amount: input.amount,
            currency: input.currency,
            destination: input.destination,
            source_transaction: input.sourceTransaction,
            transfer_group: transferGroupOf(input.orderId),
            metadata: { orderId: input.orderId, sellerId: input.sellerId },
            description: `BigTix proceeds for order ${input.orderId}`,
          },
          { idempotencyKey: transferIdempotencyKey(input.orderId, input.sellerId) },
        ),
      ),
    );
  }

  /** The order's transfers as Stripe has them: how a crashed transfer is found again after 24 h. */
  async transfersOfOrder(orderId: string): Promise<TransferSnapshot[]> {
    return this.call(async () => {
      const out: TransferSnapshot[] = [];
      for await (const t of this.stripe.transfers.list({ transfer_group: transferGroupOf(orderId), limit: 100 })) {
        out.push(transferSnapshot(t));
      }
      return out;
    });
  }

  /** Takes the seller's proceeds back after a refund; the key is per (order, seller): once. */
  async reverseTransfer(
    orderId: string,
    sellerId: string,
    transferId: string,
  ): Promise<{ id: string; amount: number }> {
    return this.call(async () => {
      const reversal = await this.stripe.transfers.createReversal(
        transferId,
        { metadata: { orderId, sellerId } },
        { idempotencyKey: reversalIdempotencyKey(orderId, sellerId) },
      );
      return { id: reversal.id, amount: reversal.amount };
    });
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      this.onUpstreamError(err);
      if (err instanceof Stripe.errors.StripeConnectionError || err instanceof Stripe.errors.StripeRateLimitError)
        throw new UpstreamError('Could not reach the payment provider; try again', 503);
      const error = new UpstreamError('The payment provider failed; try again', 502);
      (error as Error & { cause?: unknown }).cause = err;
      throw error;
    }
  }
}

export function accountSnapshot(account: Stripe.Account): AccountSnapshot {
  return {
    id: account.id,
    payoutsEnabled: account.payouts_enabled ?? false,
    detailsSubmitted: account.details_submitted ?? false,
    requirements: [...(account.requirements?.currently_due ?? [])],
  };
}

function transferSnapshot(t: Stripe.Transfer): TransferSnapshot {
  return {
    id: t.id,
    amount: t.amount,
    destination: typeof t.destination === 'string' ? t.destination : (t.destination?.id ?? ''),
    transferGroup: t.transfer_group ?? null,
    amountReversed: t.amount_reversed,
    metadata: { ...(t.metadata ?? {}) },
  };
}
