import { z } from 'zod';

/**
 * `sellerId`, `eventId` and the fees were added for payouts; they are optional so that events
 * stored before the change still validate (payments treats a line without them as fee-free).
 */
const orderTicket = z.object({
  ticketId: z.string(),
  title: z.string(),
  price: z.number().int(),
  sellerId: z.string().optional(),
  eventId: z.string().optional(),
  buyerFee: z.number().int().optional(),
  sellerFee: z.number().int().optional(),
});
export type OrderEventLine = z.infer<typeof orderTicket>;

export const orderCreatedDataSchema = z.object({
  id: z.string(),
  userId: z.string(),
  status: z.literal('created'),
  expiresAt: z.iso.datetime(),
  tickets: z.array(orderTicket).min(1),
  total: z.number().int(),
  currency: z.string(),
  version: z.number().int(),
});
export type OrderCreatedData = z.infer<typeof orderCreatedDataSchema>;

/**
 * Any other change of an order (today: `created` ⇄ `awaiting:payment` while a payment is in
 * flight). It exists so that every version of an order is announced and replicas that apply
 * versions strictly in order (payments) never wait for a version nobody publishes.
 */
export const orderUpdatedDataSchema = z.object({
  id: z.string(),
  userId: z.string(),
  status: z.enum(['created', 'awaiting:payment']),
  expiresAt: z.iso.datetime(),
  tickets: z.array(orderTicket).min(1),
  total: z.number().int(),
  currency: z.string(),
  version: z.number().int(),
});
export type OrderUpdatedData = z.infer<typeof orderUpdatedDataSchema>;

/** Hold released: the buyer cancelled, or the hold expired (`reason`). */
export const orderCancelledDataSchema = z.object({
  id: z.string(),
  userId: z.string(),
  status: z.enum(['cancelled', 'expired']),
  reason: z.enum(['cancelled', 'expired']),
  tickets: z.array(orderTicket),
  version: z.number().int(),
});
export type OrderCancelledData = z.infer<typeof orderCancelledDataSchema>;

export const orderPaidDataSchema = z.object({
  id: z.string(),
  userId: z.string(),
  status: z.literal('paid'),
  tickets: z.array(orderTicket).min(1),
  total: z.number().int(),
  currency: z.string(),
  paymentIntentId: z.string(),
  version: z.number().int(),
});
export type OrderPaidData = z.infer<typeof orderPaidDataSchema>;

/**
 * Orders could not accept money that arrived for an order (it expired and a ticket has been
 * held or sold since, or it was cancelled). Payments refunds the PaymentIntent. Not in the
 * original contract: it is the signal "late success after expiry, tickets gone".
 */
export const orderPaymentRejectedDataSchema = z.object({
  orderId: z.string(),
  paymentIntentId: z.string(),
  amount: z.number().int(),
  reason: z.string(),
});
export type OrderPaymentRejectedData = z.infer<typeof orderPaymentRejectedDataSchema>;
