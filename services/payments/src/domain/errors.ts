import { AppError } from '@bigtix/common';

/** 402: Stripe declined the card. The attempt is recorded; the buyer can retry with another card. */
export class PaymentDeclinedError extends AppError {
  readonly status = 402;
  constructor(message: string, details?: Record<string, unknown>) {
    super(message);
    this.details = details;
  }
}
