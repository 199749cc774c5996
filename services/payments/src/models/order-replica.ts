import { OrderEventLine, OrderStatus } from '@bigtix/common';
import { VersionedStore } from '@bigtix/middleware';
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

export type OrderReplicaStore = VersionedStore<OrderReplica>;

export function orderReplicaStore(db: Connection): OrderReplicaStore {
  return new VersionedStore<OrderReplica>(nativeCollection(db, 'orders'), nativeCollection(db, 'order_changes'));
}
