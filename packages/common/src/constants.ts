/** Money is integer cents in one currency for now; the field exists so adding one is not a migration. */
export const CURRENCY = 'usd' as const;
export type Currency = typeof CURRENCY;

export const LIST_DEFAULT_LIMIT = 50;
export const LIST_MAX_LIMIT = 200;
export const BULK_CREATE_MAX = 1000;
export const ORDER_MAX_TICKETS = 20;
export const DEFAULT_ORDER_HOLD_SECONDS = 900;
/**
 * Stripe's limits on one USD charge: at least $0.50 and at most $999,999.99. A ticket listed
 * below the minimum, or an order over the maximum, could never be paid, so both are refused
 * when they are made rather than at checkout.
 */
export const STRIPE_MIN_CHARGE_CENTS = 50;
export const STRIPE_MAX_CHARGE_CENTS = 99_999_999;
/** Largest price accepted for one ticket: the most Stripe can charge. */
export const MAX_PRICE_CENTS = STRIPE_MAX_CHARGE_CENTS;

export const TICKET_STATUSES = ['available', 'held', 'sold', 'withdrawn'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const ORDER_STATUSES = ['created', 'awaiting:payment', 'paid', 'cancelled', 'expired'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** Orders whose tickets are held: the buyer can still pay or cancel. */
export const ACTIVE_ORDER_STATUSES: readonly OrderStatus[] = ['created', 'awaiting:payment'];

export const EXCHANGE = 'bigtix.events';

export const ROUTES = {
  users: '/api/users',
  tickets: '/api/tickets',
  events: '/api/events',
  orders: '/api/orders',
  payments: '/api/payments',
  webhooks: '/api/webhooks',
  payouts: '/api/payouts',
} as const;

export const SESSION_COOKIE = 'session';
