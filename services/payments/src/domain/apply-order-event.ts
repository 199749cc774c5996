import { Envelope, EventData } from '@bigtix/common';
import { RetryLaterError } from '@bigtix/middleware';
import type { OrderReplica, OrderReplicaStore } from '../models/order-replica';

export type ReplicaOutcome = 'applied' | 'duplicate';

/** order.created is version 1 of an order: it creates the replica, once (one insert; a second is a duplicate). */
export async function applyOrderCreated(
  store: OrderReplicaStore,
  event: Envelope<EventData<'order.created'>>,
): Promise<ReplicaOutcome> {
  const d = event.data;
  const { applied } = await store.apply(d.id, event.version, () => ({
    userId: d.userId,
    status: d.status,
    expiresAt: d.expiresAt,
    tickets: d.tickets,
    total: d.total,
    currency: d.currency,
    paymentIntentId: null,
    updatedAt: event.occurredAt,
  }));
  return applied ? 'applied' : 'duplicate';
}

type LaterOrderEvent =
  Envelope<EventData<'order.updated'>> | Envelope<EventData<'order.cancelled'>> | Envelope<EventData<'order.paid'>>;

/**
 * Applies a later order event under the version rule (`ReplicaStore`, `versionVerdict`): exactly
 * the next version applies; an older or equal one is a duplicate; a gap (or an order not seen
 * yet) is retried later, when the missing versions have arrived. Not every event carries the
 * whole order (order.cancelled has no total), so a version is the replica as it was plus what
 * the event says.
 */
export async function applyOrderChange(store: OrderReplicaStore, event: LaterOrderEvent): Promise<ReplicaOutcome> {
  const d = event.data;
  // Version 1 is order.created's: a later event claiming it is at best a duplicate of it.
  if (event.version <= 1) {
    if (await store.findById(d.id)) return 'duplicate';
    throw new RetryLaterError(`order ${d.id} not replicated yet (got v${event.version})`);
  }
  const { applied } = await store.apply(d.id, event.version, (current) => {
    // Never without a replica: a version above 1 applies only on top of the one before it.
    if (!current) throw new RetryLaterError(`order ${d.id} not replicated yet (got v${event.version})`);
    // `_id` and `version` of the spread are overwritten by the store with this version's.
    const next: Omit<OrderReplica, '_id' | 'version'> = {
      ...current,
      status: d.status,
      tickets: d.tickets,
      updatedAt: event.occurredAt,
    };
    if ('expiresAt' in d) next.expiresAt = d.expiresAt;
    if ('total' in d) {
      next.total = d.total;
      next.currency = d.currency;
    }
    if ('paymentIntentId' in d) next.paymentIntentId = d.paymentIntentId;
    return next;
  });
  return applied ? 'applied' : 'duplicate';
}
