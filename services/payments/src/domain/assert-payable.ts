import { ConflictError } from '@bigtix/common';
import type { OrderReplica } from '../models/order-replica';

/** Only an order whose tickets are still held for the buyer can take money. */
export function assertPayable(order: OrderReplica, now: number): void {
  if (order.status === 'paid') throw new ConflictError('This order is already paid', { orderStatus: order.status });
  if (order.status === 'cancelled' || order.status === 'expired') {
    throw new ConflictError(`This order is ${order.status} and can no longer be paid`, { orderStatus: order.status });
  }
  if (Date.parse(order.expiresAt) <= now) {
    throw new ConflictError('The hold on these tickets has expired; the order can no longer be paid', {
      orderStatus: 'expired',
    });
  }
}
