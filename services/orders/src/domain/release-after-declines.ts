import type { PaymentFailedData } from '@bigtix/common';
import { claim } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import { cancelOrderBySystem } from './cancel-order';

/**
 * Card testing: after MAX_DECLINED_PAYMENTS_PER_ORDER declined payments the order is cancelled,
 * so its tickets go back on sale instead of staying held for a card tester until expiry.
 * Payments refuses a further attempt on the same count. Each decline is recorded once under the
 * payment's id (a redelivered payment.failed counts once) and the cancel is the outcome claim,
 * which can only be won once, so concurrent deliveries cannot cancel twice.
 */
export async function releaseAfterDeclines(deps: OrdersDeps, data: PaymentFailedData): Promise<void> {
  await claim(deps.declines, data.id, { orderId: data.orderId, at: new Date(deps.now()) });
  const declined = await deps.declines.countDocuments({ orderId: data.orderId });
  if (declined < deps.config.maxDeclinesPerOrder) return;
  await cancelOrderBySystem(deps, data.orderId, `${declined} declined payments`);
}
