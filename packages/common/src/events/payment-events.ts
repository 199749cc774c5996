import { z } from 'zod';

/** A PaymentIntent was created and confirmed for the order; the order awaits its outcome. */
export const paymentCreatedDataSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  paymentIntentId: z.string(),
  amount: z.number().int(),
  currency: z.string(),
});
export type PaymentCreatedData = z.infer<typeof paymentCreatedDataSchema>;

export const paymentSucceededDataSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  paymentIntentId: z.string(),
  amount: z.number().int(),
  currency: z.string(),
});
export type PaymentSucceededData = z.infer<typeof paymentSucceededDataSchema>;

export const paymentFailedDataSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  paymentIntentId: z.string(),
  message: z.string(),
});
export type PaymentFailedData = z.infer<typeof paymentFailedDataSchema>;
