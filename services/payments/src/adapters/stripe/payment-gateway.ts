import { BadRequestError, UpstreamError } from '@bigtix/common';
import Stripe from 'stripe';
import { refundIdempotencyKey, transferGroupOf } from '../../models/keys';

/** The part of a PaymentIntent the service acts on. */
export interface IntentSnapshot {
  id: string;
  status: Stripe.PaymentIntent.Status;
  amount: number;
  currency: string;
  clientSecret: string | null;
  /** Stripe's message for the last failed attempt (decline, failed authentication). */
  failureMessage: string | null;
  metadata: Record<string, string>;
}

export interface CreateIntentInput {
  amount: number;
  currency: string;
  confirmationTokenId: string;
  orderId: string;
  paymentId: string;
  attempt: number;
  /** One key per order attempt: a retried or replayed create returns the same PaymentIntent. */
  idempotencyKey: string;
}

export type CreateIntentResult =
  | { kind: 'created'; intent: IntentSnapshot }
  /** The card was declined; Stripe still created the PaymentIntent (now requires_payment_method). */
  | { kind: 'declined'; message: string; intent: IntentSnapshot | null }
  /** Stripe refused the request itself (expired or used confirmation token, bad amount...). */
  | { kind: 'rejected'; message: string; param: string | null; intent: IntentSnapshot | null };

export type CancelResult =
  { kind: 'canceled'; intent: IntentSnapshot } | { kind: 'not-cancelable'; intent: IntentSnapshot };

/**
 * Everything the service asks of Stripe, in one module, so it can be checked against Stripe's own
 * OpenAPI spec (stripe-mock, test/adapters/stripe/payment-gateway.stripe-mock.test.ts).
 */
export class PaymentGateway {
  constructor(
    readonly stripe: Stripe,
    private readonly webhookSecret: string,
    private readonly onUpstreamError: (err: unknown) => void = () => undefined,
  ) {}

  async createAndConfirm(input: CreateIntentInput): Promise<CreateIntentResult> {
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: input.amount,
          currency: input.currency,
          confirm: true,
          confirmation_token: input.confirmationTokenId,
          // Cards only finish in the page (3-D Secure via handleNextAction); no redirect-based
          // methods, so no return_url is needed.
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          metadata: { orderId: input.orderId, paymentId: input.paymentId, attempt: String(input.attempt) },
          description: `BigTix order ${input.orderId}`,
          // Separate charges and transfers: the sellers' Transfers of this order share the group.
          transfer_group: transferGroupOf(input.orderId),
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return { kind: 'created', intent: snapshot(intent) };
    } catch (err) {
      if (err instanceof Stripe.errors.StripeCardError) {
        return {
          kind: 'declined',
          message: err.message,
          intent: err.payment_intent ? snapshot(err.payment_intent) : null,
        };
      }
      if (err instanceof Stripe.errors.StripeInvalidRequestError) {
        return {
          kind: 'rejected',
          message: err.message,
          param: err.param ?? null,
          intent: err.payment_intent ? snapshot(err.payment_intent) : null,
        };
      }
      throw this.upstream(err);
    }
  }

  async retrieve(paymentIntentId: string): Promise<IntentSnapshot> {
    try {
      return snapshot(await this.stripe.paymentIntents.retrieve(paymentIntentId));
    } catch (err) {
      throw this.upstream(err);
    }
  }

  /** Cancels an open PaymentIntent; one that already finished is reported as it is. */
  async cancel(paymentIntentId: string): Promise<CancelResult> {
    try {
      const intent = await this.stripe.paymentIntents.cancel(paymentIntentId, { cancellation_reason: 'abandoned' });
      return { kind: 'canceled', intent: snapshot(intent) };
    } catch (err) {
      if (err instanceof Stripe.errors.StripeInvalidRequestError && err.code === 'payment_intent_unexpected_state') {
        return { kind: 'not-cancelable', intent: await this.retrieve(paymentIntentId) };
      }
      throw this.upstream(err);
    }
  }

  /**
   * Refunds a PaymentIntent in full. The key is per PaymentIntent unless the caller names the fact
   * it refunds (a cancelled event's order: `bigtix-cancel-refund-<orderId>`), so it is refunded once.
   */
  async refund(
    paymentIntentId: string,
    reason: string,
    idempotencyKey = refundIdempotencyKey(paymentIntentId),
  ): Promise<{ refundId: string | null; status: string; amount?: number; currency?: string }> {
    try {
      const refund = await this.stripe.refunds.create(
        {
          payment_intent: paymentIntentId,
          reason: 'requested_by_customer',
          metadata: { reason: reason.slice(0, 500) },
        },
        { idempotencyKey },
      );
      return {
        refundId: refund.id,
        status: refund.status ?? 'pending',
        amount: refund.amount,
        currency: refund.currency,
      };
    } catch (err) {
      if (err instanceof Stripe.errors.StripeInvalidRequestError && err.code === 'charge_already_refunded') {
        return { refundId: null, status: 'succeeded' };
      }
      throw this.upstream(err);
    }
  }

  /** Verifies the Stripe-Signature header over the exact bytes received; throws if it does not match. */
  constructEvent(rawBody: Buffer, signature: string): Stripe.Event {
    return this.stripe.webhooks.constructEvent(rawBody, signature, this.webhookSecret);
  }

  private upstream(err: unknown): UpstreamError {
    this.onUpstreamError(err);
    return toUpstreamError(err);
  }

  /**
   * Test mode only: what Stripe.js does in the browser (`stripe.createConfirmationToken`), for
   * dev tools and tests. Real keys cannot create tokens server-side.
   */
  async createTestConfirmationToken(paymentMethod: string): Promise<string> {
    try {
      const token = await this.stripe.testHelpers.confirmationTokens.create({ payment_method: paymentMethod });
      return token.id;
    } catch (err) {
      if (err instanceof Stripe.errors.StripeInvalidRequestError)
        throw new BadRequestError(err.message, [{ message: err.message, field: 'paymentMethod' }]);
      throw this.upstream(err);
    }
  }
}

export function snapshot(intent: Stripe.PaymentIntent): IntentSnapshot {
  return {
    id: intent.id,
    status: intent.status,
    amount: intent.amount,
    currency: intent.currency,
    clientSecret: intent.client_secret ?? null,
    failureMessage: intent.last_payment_error?.message ?? null,
    metadata: { ...(intent.metadata ?? {}) },
  };
}

function toUpstreamError(err: unknown): UpstreamError {
  if (err instanceof Stripe.errors.StripeRateLimitError)
    return new UpstreamError('The payment provider is busy; try again shortly', 503);
  if (err instanceof Stripe.errors.StripeConnectionError)
    return new UpstreamError('Could not reach the payment provider; try again', 503);
  // Stripe's own message stays in the logs (via cause): it may name account details.
  const error = new UpstreamError('The payment provider failed; try again', 502);
  (error as Error & { cause?: unknown }).cause = err;
  return error;
}
