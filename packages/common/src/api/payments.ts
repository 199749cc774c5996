import { z } from 'zod';
import { objectIdSchema, priceCentsSchema } from './common';

export const createPaymentSchema = z.strictObject({
  amount: priceCentsSchema,
  orderId: objectIdSchema,
  confirmationTokenId: z.string().regex(/^ctoken_[A-Za-z0-9_]+$/, 'must be a Stripe ConfirmationToken id (ctoken_…)'),
});
export type CreatePaymentInput = z.infer<typeof createPaymentSchema>;

export type PaymentStatus = 'processing' | 'requires_action' | 'succeeded' | 'failed' | 'canceled' | 'refunded';

export interface PaymentDto {
  id: string;
  orderId: string;
  status: PaymentStatus;
  amount: number;
  currency: string;
  /** Present when the browser must finish the payment (3-D Secure). */
  clientSecret?: string;
  failureMessage?: string;
}
