import { z } from 'zod';
import {
  Currency,
  ORDER_MAX_TICKETS,
  OrderStatus,
  STRIPE_MAX_CHARGE_CENTS,
  STRIPE_MIN_CHARGE_CENTS,
} from '../constants';
import { objectIdSchema, priceCentsSchema } from './common';

export const createOrderSchema = z.strictObject({
  tickets: z
    .array(z.strictObject({ ticketId: objectIdSchema, price: priceCentsSchema }))
    .min(1, 'must hold at least one ticket')
    .max(ORDER_MAX_TICKETS, `must hold at most ${ORDER_MAX_TICKETS} tickets`)
    .refine((ts) => new Set(ts.map((t) => t.ticketId)).size === ts.length, 'must not list a ticket twice')
    // An order Stripe could never charge is refused now, not at checkout after holding tickets.
    .refine(
      (ts) => ts.reduce((sum, t) => sum + t.price, 0) <= STRIPE_MAX_CHARGE_CENTS,
      `must total at most ${STRIPE_MAX_CHARGE_CENTS} cents (the most Stripe can charge); split the order`,
    )
    .refine(
      (ts) => ts.reduce((sum, t) => sum + t.price, 0) >= STRIPE_MIN_CHARGE_CENTS,
      `must total at least ${STRIPE_MIN_CHARGE_CENTS} cents (the smallest amount Stripe can charge)`,
    ),
});
export type CreateOrderInput = z.infer<typeof createOrderSchema>;

export const updateOrderSchema = z.strictObject({
  status: z.literal('cancelled', { error: 'only "cancelled" can be set' }),
});

export interface OrderTicketDto {
  ticketId: string;
  title: string;
  /** The listing price. */
  price: number;
  /** The buyer fee on this ticket (see fees.ts for the rounding rule). */
  buyerFee: number;
  /** price + buyerFee: what the buyer pays for this ticket. */
  allInPrice: number;
  eventId: string;
}

/** One order line as stored and announced: who sells it and what each side's fee is. */
export interface OrderLine {
  ticketId: string;
  title: string;
  price: number;
  /** The seller (the ticket's `userId` when the order was made). */
  sellerId: string;
  eventId: string;
  buyerFee: number;
  sellerFee: number;
}

export interface OrderDto {
  id: string;
  userId: string;
  status: OrderStatus;
  expiresAt: string;
  tickets: OrderTicketDto[];
  /** Sum of listing prices. */
  subtotal: number;
  /** Sum of buyer fees. */
  buyerFee: number;
  /** subtotal + buyerFee: the all-in amount to pay. */
  total: number;
  currency: Currency;
  version: number;
  createdAt: string;
  /** What orders last heard of the order's event (absent until the first sync). */
  event?: OrderEventStatusDto;
  /** Present once the order is owed back (its event was cancelled): the whole charge. */
  refund?: { status: 'requested'; amount: number; currency: Currency; reason: 'event-cancelled' };
}

/** The order's event as the tickets service last read it from Ticketmaster. */
export interface OrderEventStatusDto {
  eventId: string;
  status: 'onsale' | 'offsale' | 'cancelled' | 'postponed' | 'rescheduled' | 'unknown';
  start: string | null;
  started: boolean;
}

/** Body of a 409 from POST /api/orders. */
export interface OrderConflictDetails {
  unavailable: string[];
  priceChanged: { ticketId: string; price: number }[];
}
