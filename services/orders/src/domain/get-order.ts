import { NotFoundError, UserDto } from '@bigtix/common';
import type { OrdersDeps } from '../deps';
import type { OrderDoc } from '../models/order';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** The caller's own order; anyone else (and a malformed id) gets the same 404, so ids leak nothing. */
export async function getOwnOrder(deps: OrdersDeps, user: UserDto, orderId: string): Promise<OrderDoc> {
  const order = OBJECT_ID.test(orderId) ? await deps.orders.findById(orderId.toLowerCase()) : null;
  if (!order || order.userId !== user.id) throw new NotFoundError('Order not found');
  return order;
}
