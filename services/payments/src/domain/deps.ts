import type { Logger } from '@bigtix/middleware';
import type { PaymentsConfig } from '../config';
import type { OrderReplicaStore } from '../models/order-replica';
import type { PaymentCollections } from '../models/payment';
import type { PaymentGateway } from '../stripe/payment-gateway';

/** What the use cases need, passed in so tests can control the clock and the gateway. */
export interface PaymentsDeps {
  orders: OrderReplicaStore;
  payments: PaymentCollections;
  gateway: PaymentGateway;
  config: PaymentsConfig;
  logger: Logger;
  /** Wakes the outbox relay after a write that carries events. */
  nudge: () => void;
  now: () => number;
}
