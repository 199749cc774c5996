import { z } from 'zod';

/** Ticketmaster's `dates.status.code` as BigTix keeps it (anything else is `unknown`). */
export const EVENT_STATUS_CODES = ['onsale', 'offsale', 'cancelled', 'postponed', 'rescheduled', 'unknown'] as const;

/**
 * What the tickets service last read from Ticketmaster about an event with listings or sales:
 * its status and dates, and whether it has started. Published (`event.updated`) when any of them
 * changes; `version` is the event record's version in tickets (1 the first time it is seen).
 * Each message carries the whole state, so a consumer keeps the highest version it has seen.
 * `cancelled` is final: once any version says so, its orders are cancelled or refunded.
 */
export const eventUpdatedDataSchema = z.object({
  eventId: z.string(),
  status: z.enum(EVENT_STATUS_CODES),
  /** ISO date-times; null when Ticketmaster has no date (TBA). */
  start: z.iso.datetime().nullable(),
  end: z.iso.datetime().nullable(),
  /** True once `start` has passed (the event is on or over): its listings can no longer be bought. */
  started: z.boolean(),
  version: z.number().int().min(1),
});
/** Why the platform (not the seller) withdrew a listing: its event was cancelled, or it has started. */
export const WITHDRAWN_REASONS = ['event-cancelled', 'expired'] as const;
export type WithdrawnReason = (typeof WITHDRAWN_REASONS)[number];

export type EventUpdatedData = z.infer<typeof eventUpdatedDataSchema>;

/**
 * Orders decided that a paid order is owed back in full (today: its event was cancelled).
 * Payments refunds the whole charge (price + buyer fee) once, with the Stripe idempotency key
 * `bigtix-cancel-refund-<orderId>`; the ledger books it from Stripe's `refund.created` webhook.
 * Not an order version (version 0): the order stays `paid`, its refund is a separate fact.
 */
export const orderRefundRequestedDataSchema = z.object({
  orderId: z.string(),
  userId: z.string(),
  paymentIntentId: z.string(),
  /** The whole charge: the order's all-in total. */
  amount: z.number().int().min(0),
  currency: z.string(),
  reason: z.enum(['event-cancelled']),
  eventId: z.string(),
});
export type OrderRefundRequestedData = z.infer<typeof orderRefundRequestedDataSchema>;
