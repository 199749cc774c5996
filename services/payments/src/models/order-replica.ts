import { OrderEventLine, OrderStatus } from '@bigtix/common';
import { OutboxSource, ReplicaStore, VersionedStore } from '@bigtix/middleware';
import type { Connection } from 'mongoose';
import { nativeCollection } from './collections';

/**
 * What payments knows about an order, built only from order events (database per service).
 * `version` is the order's version in the orders service; events apply strictly in sequence.
 */
export interface OrderReplica {
  _id: string;
  version: number;
  userId: string;
  status: OrderStatus;
  expiresAt: string;
  tickets: OrderEventLine[];
  total: number;
  currency: string;
  /** Set by order.paid: the PaymentIntent whose money completed the order. */
  paymentIntentId: string | null;
  updatedAt: string;
}

export type OrderReplicaStore = ReplicaStore<OrderReplica>;

/**
 * The replica `orders`, each later version claimed as `order_versions/<orderId>@<version>`.
 * The order events' consumers run several deliveries of one version side by side (prefetch, two
 * replicas) and book money on them before the replica applies, so a delivery that lost the claim
 * to a live writer waits for its write (past the 2 s roll-forward) rather than book it all again
 * from the retry queue.
 */
export function orderReplicaStore(db: Connection, now: () => number = Date.now): OrderReplicaStore {
  return new ReplicaStore<OrderReplica>(nativeCollection(db, 'orders'), nativeCollection(db, 'order_versions'), {
    what: 'order',
    now,
    rollForwardAfterMs: 2_000,
    awaitWriterMs: 2_500,
  });
}

/**
 * The replica used to be a `VersionedStore`, which left a change record `<orderId>@<version>`
 * with no events and `pending: 1` in `order_changes` for every applied order event. The relay
 * keeps draining the ones a database still has: it publishes nothing for them, marks them sent,
 * and rolls forward a claim whose writer died before writing it (only over an older version, and
 * with the state the new store would write for that version, so the two never disagree). Nothing
 * writes there any more; once `order_changes` has no `pending` record in any environment, this
 * source and the collection can go.
 */
export function legacyOrderChangesSource(db: Connection, now: () => number = Date.now): OutboxSource {
  return new VersionedStore<OrderReplica>(nativeCollection(db, 'orders'), nativeCollection(db, 'order_changes'), {
    now,
  }).outboxSource();
}
