import { DEFAULT_ORDER_HOLD_SECONDS, FeeSchedule, readFeeSchedule } from '@bigtix/common';
import { intFromEnv } from '@bigtix/middleware';

export interface OrdersConfig {
  /** How long an order holds its tickets before the sweeper expires it. */
  holdSeconds: number;
  /** How often the sweeper looks for expired orders, lagging outcomes and orphan holds. */
  sweepMs: number;
  /** A hold whose order never appeared is released after this long (its creation crashed). */
  orphanGraceSeconds: number;
  /** An outcome claimed but not applied for this long is applied by the sweeper (its writer crashed). */
  repairAfterMs: number;
  /** How long a buyer waits for a ticket that another order is still in the middle of taking. */
  holdWaitMs: number;
  /** BUYER_FEE_BPS / SELLER_FEE_BPS: priced into each order line when the order is made. */
  fees: FeeSchedule;
  /** Tickets one buyer may hold at once over all their unpaid orders (hoarding). */
  maxHeldTickets: number;
  /** Orders one user, and one client IP, may create per window (429 beyond). */
  ordersPerUserPerWindow: number;
  ordersPerIpPerWindow: number;
  orderWindowSeconds: number;
  /** Declined payments after which an order is cancelled and its tickets released (card testing). */
  maxDeclinesPerOrder: number;
  /** How often orders of a recently cancelled or started event are looked at again (EVENT_RESCAN_MS). */
  eventRescanMs: number;
  /** For how long after such an event.updated arrived (EVENT_RESCAN_WINDOW_SECONDS). */
  eventRescanWindowSeconds: number;
}

export function readOrdersConfig(env: NodeJS.ProcessEnv): OrdersConfig {
  return {
    holdSeconds: intFromEnv(env.ORDER_HOLD_SECONDS, DEFAULT_ORDER_HOLD_SECONDS),
    sweepMs: intFromEnv(env.ORDER_SWEEP_MS, 1000),
    orphanGraceSeconds: intFromEnv(env.ORDER_ORPHAN_GRACE_SECONDS, 60),
    repairAfterMs: intFromEnv(env.ORDER_REPAIR_AFTER_MS, 10_000),
    holdWaitMs: intFromEnv(env.ORDER_HOLD_WAIT_MS, 10_000),
    fees: readFeeSchedule(env),
    maxHeldTickets: intFromEnv(env.MAX_HELD_TICKETS, 8),
    ordersPerUserPerWindow: intFromEnv(env.ORDER_RATE_LIMIT_PER_USER, 10),
    ordersPerIpPerWindow: intFromEnv(env.ORDER_RATE_LIMIT_PER_IP, 60),
    orderWindowSeconds: intFromEnv(env.ORDER_RATE_WINDOW_SECONDS, 60),
    maxDeclinesPerOrder: intFromEnv(env.MAX_DECLINED_PAYMENTS_PER_ORDER, 3),
    eventRescanMs: intFromEnv(env.EVENT_RESCAN_MS, 10_000),
    eventRescanWindowSeconds: intFromEnv(env.EVENT_RESCAN_WINDOW_SECONDS, 600),
  };
}
