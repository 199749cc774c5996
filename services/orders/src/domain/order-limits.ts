import type { UserDto } from '@bigtix/common';
import type { Limit, RateLimits } from '@bigtix/middleware';
import type { OrdersConfig } from '../config';

/**
 * How often orders may be placed, counted in Redis across every replica: per user (one account
 * re-holding tickets) and per client IP (many free accounts from one place). Both answer 429
 * with Retry-After; the hold cap (enforce-hold-limit.ts) bounds what is held at any moment.
 */
export class OrderLimits {
  private readonly perUser: Limit;
  private readonly perIp: Limit;

  constructor(limits: RateLimits, config: OrdersConfig) {
    const message = 'Too many orders; try again later';
    const durationSeconds = config.orderWindowSeconds;
    this.perUser = limits.limit('orders-user', { points: config.ordersPerUserPerWindow, durationSeconds, message });
    this.perIp = limits.limit('orders-ip', { points: config.ordersPerIpPerWindow, durationSeconds, message });
  }

  async admit(user: UserDto, ip: string): Promise<void> {
    await this.perIp.hit(ip);
    await this.perUser.hit(user.id);
  }
}
