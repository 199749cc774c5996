import { ConflictError, UserDto } from '@bigtix/common';
import { Limit, RateLimits, intFromEnv } from '@bigtix/middleware';
import { listOrderPayments } from '../models/payment';
import type { PaymentsDeps } from '../deps';

export interface CardTestingConfig {
  /** Declined attempts one order may have; then orders cancels it and its tickets are released. */
  maxDeclinesPerOrder: number;
  /** Declined attempts one user may have per hour, over all orders (429 beyond). */
  maxDeclinesPerUserPerHour: number;
}

export function readCardTestingConfig(env: NodeJS.ProcessEnv): CardTestingConfig {
  return {
    maxDeclinesPerOrder: intFromEnv(env.MAX_DECLINED_PAYMENTS_PER_ORDER, 3),
    maxDeclinesPerUserPerHour: intFromEnv(env.MAX_DECLINED_PAYMENTS_PER_USER_PER_HOUR, 10),
  };
}

/**
 * Card testing (trying stolen card numbers one after another against our Stripe account) is
 * bounded twice: per order by the attempts recorded here (orders cancels the order on the same
 * count, from payment.failed, which releases its hold), and per user per hour by a counter in
 * Redis that every replica shares and that only declines increase.
 */
export class CardTestingLimits {
  private readonly declinesPerUser: Limit;

  constructor(
    limits: RateLimits,
    private readonly config: CardTestingConfig,
  ) {
    this.declinesPerUser = limits.limit('declines-user', {
      points: config.maxDeclinesPerUserPerHour,
      durationSeconds: 3600,
      message: `Too many declined payments (${config.maxDeclinesPerUserPerHour} an hour); try again later`,
    });
  }

  /** Before a new attempt: 429 for a user over the hourly limit, 409 for an order out of attempts. */
  async admit(deps: PaymentsDeps, user: UserDto, orderId: string): Promise<void> {
    await this.declinesPerUser.check(user.id);
    const attempts = await listOrderPayments(deps.payments.docs, orderId);
    const declined = attempts.filter((p) => p.status === 'failed').length;
    if (declined >= this.config.maxDeclinesPerOrder) {
      throw new ConflictError(
        `This order had ${declined} declined payments and was cancelled; its tickets were released`,
        { maxDeclinesPerOrder: this.config.maxDeclinesPerOrder },
      );
    }
  }

  async declined(user: UserDto): Promise<void> {
    await this.declinesPerUser.penalize(user.id);
  }
}
