import { z } from 'zod';
import type { FeeSchedule } from '../fees';

/**
 * Where a sale's proceeds are:
 * - `pending_event`: the seller can be paid, the event has not ended + PAYOUT_DELAY_SECONDS yet;
 * - `awaiting_account`: the seller has no payouts-enabled Stripe account yet (`bigtix payouts setup`);
 * - `scheduled`: due now; the payout worker sends the Transfer on its next pass;
 * - `paid`: transferred to the seller's account (`transferId`);
 * - `reversed`: refunded after the transfer, and the transfer taken back;
 * - `refunded`: refunded before any transfer: nothing was or will be sent.
 */
export const PAYOUT_STATUSES = [
  'pending_event',
  'awaiting_account',
  'scheduled',
  'paid',
  'reversed',
  'refunded',
] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

export interface SaleDto {
  orderId: string;
  soldAt: string;
  eventIds: string[];
  tickets: { ticketId: string; title: string; eventId: string; price: number; sellerFee: number }[];
  /** Sum of the listing prices. */
  gross: number;
  /** The seller fee. */
  fee: number;
  /** gross − fee. */
  proceeds: number;
  currency: string;
  status: PayoutStatus;
  /** When the proceeds become due (ISO), if known. */
  payableAt: string | null;
  transferId: string | null;
}

export const salesQuerySchema = z.strictObject({
  event: z.string().trim().min(1).max(64).optional(),
  status: z.enum(PAYOUT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type SalesQuery = z.infer<typeof salesQuerySchema>;

export interface PayoutsSummaryDto {
  currency: string;
  sales: number;
  gross: number;
  fees: number;
  proceeds: number;
  /** Proceeds by status (cents), every status present. */
  byStatus: Record<PayoutStatus, number>;
  /** Transferred and not reversed. */
  paid: number;
  /** Still to come: pending_event + awaiting_account + scheduled. */
  upcoming: number;
}

export type PayoutAccountStatus = 'none' | 'pending' | 'enabled';

export interface PayoutAccountDto {
  status: PayoutAccountStatus;
  payoutsEnabled: boolean;
  /** Stripe's `requirements.currently_due` for the account. */
  requirements: string[];
  /** False until the seller's email is verified: proceeds wait ('awaiting verification') until then. */
  emailVerified: boolean;
}

/** POST /api/payouts/account: Stripe's onboarding (an Account Link, single use, short-lived). */
export interface PayoutOnboardingDto {
  url: string;
}

/** GET /api/payouts/fees: the fee schedule new orders are priced with. */
export type FeesDto = FeeSchedule;
