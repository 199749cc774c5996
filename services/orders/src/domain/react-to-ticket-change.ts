import { TicketEventData } from '@bigtix/common';
import type { OrdersDeps } from '../deps';
import type { TicketReplicaDoc } from '../models/ticket-replica';
import { cancelOrderBySystem } from './cancel-order';

/**
 * A seller withdrew or re-priced a ticket that an unpaid order holds. The tickets service refuses
 * such edits while a ticket is held, so this only happens when the edit raced the hold. The
 * buyer's order can no longer be honoured at the agreed terms, so it is cancelled (reason
 * `cancelled`): its other tickets are released and payments cancels any open PaymentIntent.
 */
export async function reactToTicketChange(
  deps: OrdersDeps,
  previous: TicketReplicaDoc | null,
  next: TicketEventData,
): Promise<string | null> {
  const withdrawn = next.status === 'withdrawn' && previous?.status !== 'withdrawn';
  const repriced = previous !== null && previous.price !== next.price;
  if (!withdrawn && !repriced) return null;
  const hold = await deps.holds.findOne({ _id: next.id });
  if (!hold) return null;
  const order = await deps.orders.findById(hold.orderId);
  if (!order || (order.status !== 'created' && order.status !== 'awaiting:payment')) return null;
  const reason = withdrawn
    ? `ticket ${next.id} was withdrawn by its seller`
    : `ticket ${next.id} was re-priced by its seller`;
  await cancelOrderBySystem(deps, order._id, reason);
  return order._id;
}
