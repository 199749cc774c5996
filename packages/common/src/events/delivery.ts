import type { EventType } from './index';

/**
 * Events whose loss leaves money and tickets disagreeing, so a consumer retries them (with
 * capped backoff) until they apply instead of dead-lettering them after a retry budget:
 * - `payment.created / succeeded / failed`: orders moves an order to awaiting payment, paid or
 *   back; a lost `payment.succeeded` keeps the buyer's money with no ticket.
 * - `order.paid`: tickets sells the tickets and payments keeps the charge; lost, the buyer paid
 *   and the ticket stays held or is released to someone else.
 * - `order.payment-rejected`: payments refunds a payment orders could not use; lost, no refund.
 * - `order.cancelled`: tickets releases the hold and payments cancels or refunds the intent;
 *   lost, a late success is never refunded and the ticket is never sold again.
 * - `user.email-verified`: payments releases the seller's payouts; lost, they never get paid.
 * - `order.created / updated`: tickets holds the tickets and payments learns the amount it may
 *   charge; lost, the buyer cannot pay, or pays for tickets nobody holds.
 * - `event.updated`: a cancelled event's orders are cancelled and refunded from it; lost, nobody is.
 * - `order.refund-requested`: payments refunds a cancelled event's paid order; lost, no refund.
 * Not here: `ticket.created / updated` (listings). Losing one makes a listing stale or unbuyable
 * in orders' replica, which is visible and fixed by a redrive; no money moves on it alone.
 * Only messages that fail validation (poison) skip the retries and go to `.dead` at once.
 */
export const MONEY_BEARING_EVENTS: readonly EventType[] = [
  'payment.created',
  'payment.succeeded',
  'payment.failed',
  'order.created',
  'order.updated',
  'order.cancelled',
  'order.paid',
  'order.payment-rejected',
  'user.email-verified',
  'event.updated',
  'order.refund-requested',
];

export function isMoneyBearing(type: string): boolean {
  return (MONEY_BEARING_EVENTS as readonly string[]).includes(type);
}

/**
 * Every consumer queue of every service, `<service>.<name>` (behind BIGTIX_QUEUE_PREFIX), each
 * with `.retry` and `.dead`. Orders has two so a flood of listings cannot delay payments; a
 * service with one queue keeps `<service>.events`. Services may only declare consumers named
 * here (startService checks), so the dead-letter tools know every `.dead` queue.
 */
export const CONSUMER_QUEUES = {
  auth: [],
  tickets: ['events'],
  orders: ['payments', 'tickets'],
  payments: ['events'],
} as const satisfies Record<string, readonly string[]>;

/** Full names of every consumer queue, e.g. `orders.payments`. */
export function consumerQueueNames(prefix = ''): string[] {
  return Object.entries(CONSUMER_QUEUES).flatMap(([service, names]) =>
    (names as readonly string[]).map((name) => `${prefix}${service}.${name}`),
  );
}
