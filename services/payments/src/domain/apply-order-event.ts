import { Envelope, EventData } from '@bigtix/common';
import { RetryLaterError, isDuplicateKeyError, versionVerdict } from '@bigtix/middleware';
import type { OrderReplica, OrderReplicaStore } from '../models/order-replica';

export type ReplicaOutcome = 'applied' | 'duplicate';

/** order.created is version 1 of an order: it creates the replica, once. */
export async function applyOrderCreated(
  store: OrderReplicaStore,
  event: Envelope<EventData<'order.created'>>,
): Promise<ReplicaOutcome> {
  const d = event.data;
  if (await store.findById(d.id)) return 'duplicate';
  const doc: OrderReplica = {
    _id: d.id,
    version: event.version,
    userId: d.userId,
    status: d.status,
    expiresAt: d.expiresAt,
    tickets: d.tickets,
    total: d.total,
    currency: d.currency,
    paymentIntentId: null,
    updatedAt: event.occurredAt,
  };
  try {
    const [result] = await store.createMany([doc], () => []);
    return result.ok ? 'applied' : 'duplicate';
  } catch (err) {
    // The same event handled twice at once: the change claim `<id>@1` refuses the second.
    if (isDuplicateKeyError(err)) return 'duplicate';
    throw err;
  }
}

type LaterOrderEvent =
  Envelope<EventData<'order.updated'>> | Envelope<EventData<'order.cancelled'>> | Envelope<EventData<'order.paid'>>;

/**
 * Applies a later order event under the version rule (`versionVerdict`, shared by every replica):
 * exactly the next version applies; an older or equal one is a duplicate; a gap (or an order not
 * seen yet) is retried later, when the missing versions have arrived.
 */
export async function applyOrderChange(store: OrderReplicaStore, event: LaterOrderEvent): Promise<ReplicaOutcome> {
  const d = event.data;
  let applied = false;
  const stored = await store.change(d.id, (current) => {
    applied = false;
    const verdict = versionVerdict(current.version, event.version);
    if (verdict === 'duplicate') return null;
    if (verdict === 'gap') throw new RetryLaterError(`order ${d.id}: have v${current.version}, got v${event.version}`);
    applied = true;
    const next: Omit<OrderReplica, 'version'> = {
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
    return { next, events: () => [] };
  });
  if (!stored) throw new RetryLaterError(`order ${d.id} not replicated yet (got v${event.version})`);
  return applied ? 'applied' : 'duplicate';
}
