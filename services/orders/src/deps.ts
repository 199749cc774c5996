import type { Logger } from '@bigtix/middleware';
import { ReplicaStore, ReplicaVersionDoc, VersionedStore } from '@bigtix/middleware';
import type { Collection, Document } from 'mongodb';
import type { Connection } from 'mongoose';
import type { OrdersConfig } from './config';
import { CreationsInFlight } from './domain/creations-in-flight';
import type { HoldSlotDoc } from './domain/enforce-hold-limit';
import type { HoldDoc, HoldHeadDoc, HoldReleaseDoc, OutcomeDoc } from './models/hold';
import type { EventRefundDoc, EventVersionDoc } from './models/event-facts';
import { OrderDoc, orderModel } from './models/order';
import { TicketReplicaDoc, ticketReplicaModel } from './models/ticket-replica';

/** Everything the use cases need, passed in so tests can inject a clock and faults. */
export interface OrdersDeps {
  orders: VersionedStore<OrderDoc>;
  orderDocs: Collection<OrderDoc>;
  /** One document per generation of a ticket's hold (see models/hold.ts). */
  holds: Collection<HoldDoc>;
  holdReleases: Collection<HoldReleaseDoc>;
  holdHeads: Collection<HoldHeadDoc>;
  outcomes: Collection<OutcomeDoc>;
  /** The replica of tickets, keyed by ticket id: read it here, write it only through `ticketReplica`. */
  tickets: Collection<TicketReplicaDoc>;
  /** One claim per replica version `<ticketId>@<version>` (ReplicaStore). */
  ticketVersions: Collection<ReplicaVersionDoc<TicketReplicaDoc>>;
  /** Applies `ticket.*` versions strictly in order to `tickets`. */
  ticketReplica: ReplicaStore<TicketReplicaDoc>;
  /** Outbox records `{ _id: paymentIntentId, events: [order.payment-rejected] }`: one refund per PaymentIntent. */
  rejections: Collection<Document>;
  /** Short leases `<outcomeKey>#<window>` so only one sweeper repairs an outcome at a time. */
  repairLeases: Collection<Document>;
  /** Orders this process is creating, so buyers waiting for them here need not poll. */
  creations: CreationsInFlight;
  /** A buyer's places for held tickets `<userId>#<slot>@<gen>` (MAX_HELD_TICKETS). */
  holdSlots: Collection<HoldSlotDoc>;
  /** One record per declined payment `{ _id: paymentId, orderId }` (card-testing cap). */
  declines: Collection<Document>;
  /** What orders knows of events: one document per `event.updated` version (models/event-facts.ts). */
  eventVersions: Collection<EventVersionDoc>;
  /** Outbox records `{ _id: orderId, events: [order.refund-requested] }`: one refund per paid order of a cancelled event. */
  eventRefunds: Collection<EventRefundDoc>;
  config: OrdersConfig;
  logger: Logger;
  now: () => number;
  /**
   * Wakes the outbox relay. `orders` calls it after every change it stores; a use case calls it
   * only after writing a plain outbox record (`rejections`, `eventRefunds`).
   */
  nudgeOutbox: () => void;
}

export interface DepsOptions {
  config: OrdersConfig;
  logger: Logger;
  now?: () => number;
  nudgeOutbox?: () => void;
}

export function createOrdersDeps(db: Connection, options: DepsOptions): OrdersDeps {
  // Registered so startService's ensureIndexes builds their indexes before the first write.
  orderModel(db);
  ticketReplicaModel(db);
  const now = options.now ?? Date.now;
  const nudgeOutbox = options.nudgeOutbox ?? (() => undefined);
  const col = <T extends Document>(name: string): Collection<T> => db.collection<T>(name);
  const orderDocs = col<OrderDoc>('orders');
  const tickets = col<TicketReplicaDoc>('tickets');
  const ticketVersions = col<ReplicaVersionDoc<TicketReplicaDoc>>('ticket_versions');
  return {
    orders: new VersionedStore<OrderDoc>(orderDocs, col('order_changes'), { now, onCommit: nudgeOutbox }),
    orderDocs,
    holds: col<HoldDoc>('holds'),
    holdReleases: col<HoldReleaseDoc>('hold_releases'),
    holdHeads: col<HoldHeadDoc>('hold_heads'),
    outcomes: col<OutcomeDoc>('order_outcomes'),
    tickets,
    ticketVersions,
    ticketReplica: new ReplicaStore<TicketReplicaDoc>(tickets, ticketVersions, { what: 'ticket', now }),
    rejections: col('payment_rejections'),
    repairLeases: col('outcome_repairs'),
    creations: new CreationsInFlight(),
    holdSlots: col<HoldSlotDoc>('hold_slots'),
    declines: col('payment_declines'),
    eventVersions: col<EventVersionDoc>('event_versions'),
    eventRefunds: col<EventRefundDoc>('event_refunds'),
    config: options.config,
    logger: options.logger,
    now,
    nudgeOutbox,
  };
}

export async function ensureOrdersIndexes(deps: OrdersDeps): Promise<void> {
  await deps.orders.ensureIndexes();
  await deps.holds.createIndex({ orderId: 1 });
  await deps.holds.createIndex({ minute: 1 });
  await deps.holds.createIndex({ ticketId: 1 });
  await deps.outcomes.createIndex({ pending: 1, decidedAt: 1 });
  await deps.holdSlots.createIndex({ userId: 1 });
  await deps.declines.createIndex({ orderId: 1 });
  await deps.tickets.createIndex({ 'listing.id': 1 });
  await deps.eventVersions.createIndex({ eventId: 1, version: -1 });
}
