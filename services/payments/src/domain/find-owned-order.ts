import { NotFoundError } from '@bigtix/common';
import type { OrderReplica, OrderReplicaStore } from '../models/order-replica';

const NOT_FOUND = 'Order not found';

/**
 * The caller's order from the replica. A buyer can pay the moment the orders service answered,
 * before order.created reached us, so an unknown order is waited for briefly before a 404.
 * Someone else's order is a 404 at once, like an unknown one (no probing for order ids).
 */
export async function findOwnedOrder(
  orders: OrderReplicaStore,
  userId: string,
  orderId: string,
  waitMs: number,
  pollMs = 50,
): Promise<OrderReplica> {
  const deadline = Date.now() + waitMs;
  let order = await orders.findById(orderId);
  while (!order && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, pollMs));
    order = await orders.findById(orderId);
  }
  if (!order || order.userId !== userId) throw new NotFoundError(NOT_FOUND);
  return order;
}
