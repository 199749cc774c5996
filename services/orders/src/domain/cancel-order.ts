import { ConflictError, UserDto } from '@bigtix/common';
import { waitFor } from './wait';
import type { OrdersDeps } from '../deps';
import { OrderDoc, canMove } from '../models/order';
import { getOwnOrder } from './get-order';
import { decideOutcome } from './outcomes';

const refusal = (status: string) =>
  new ConflictError(
    status === 'paid' ? 'This order is paid and cannot be cancelled' : 'This order has expired and cannot be cancelled',
  );

/**
 * The buyer cancels. Races payment success and expiry through the outcome claim: if the buyer's
 * cancel loses, the answer says what won. Cancelling twice answers the cancelled order again.
 */
export async function cancelOrder(deps: OrdersDeps, user: UserDto, orderId: string): Promise<OrderDoc> {
  const order = await getOwnOrder(deps, user, orderId);
  if (order.status === 'cancelled') return order;
  if (!canMove(order.status, 'cancelled')) throw refusal(order.status);
  const {
    won,
    doc,
    order: settled,
  } = await decideOutcome(deps, order._id, 'cancelled', { reason: 'cancelled by the buyer' });
  if (won) return settled ?? order;
  if (doc.outcome !== 'cancelled') throw refusal(doc.outcome === 'paid' ? 'paid' : 'expired');
  // Someone else (a double click) won the same cancel: answer with the order once it shows it.
  return waitFor(async () => {
    const current = await deps.orders.findById(order._id);
    return current?.status === 'cancelled' ? current : undefined;
  }, 3000).catch(() => ({ ...order, status: 'cancelled' as const, rank: 1 as const }));
}

/** System cancellation (a held ticket was withdrawn or re-priced by its seller). */
export async function cancelOrderBySystem(deps: OrdersDeps, orderId: string, reason: string): Promise<boolean> {
  return (await decideOutcome(deps, orderId, 'cancelled', { reason })).won;
}
