import { Envelope, EventType } from '@bigtix/common';
import {
  EventHandler,
  OutboxRelay,
  Publisher,
  RetryLaterError,
  VersionedStore,
  connectDatabase,
  createLogger,
  ensureIndexes,
} from '@bigtix/middleware';
import { Isolation, isolate } from '@bigtix/testkit';
import type { Collection, Document } from 'mongodb';
import type { Connection } from 'mongoose';
import { readOrdersConfig } from '@bigtix/orders-service/src/config';
import { OrdersDeps, createOrdersDeps, ensureOrdersIndexes } from '@bigtix/orders-service/src/deps';
import { onPaymentSucceeded } from '@bigtix/orders-service/src/events/consumers/on-payment-succeeded';
import { onTicketCreated } from '@bigtix/orders-service/src/events/consumers/on-ticket-created';
import { onTicketUpdated } from '@bigtix/orders-service/src/events/consumers/on-ticket-updated';
import { TicketsDeps, createTicketsDeps } from '@bigtix/tickets-service/src/deps';
import { onOrderCancelled } from '@bigtix/tickets-service/src/events/consumers/on-order-cancelled';
import { onOrderCreated } from '@bigtix/tickets-service/src/events/consumers/on-order-created';
import { onOrderPaid } from '@bigtix/tickets-service/src/events/consumers/on-order-paid';
import { TicketmasterClient } from '@bigtix/tickets-service/src/adapters/ticketmaster/ticketmaster-client';
import { Gate, gated } from './gate';

/** A message waiting in a queue, with how often its handler asked to be retried. */
export interface Pending {
  envelope: Envelope;
  retries: number;
  /** Why the handler asked to be retried last time. */
  lastError?: string;
}

export type QueueName = 'tickets' | 'orders';

/** Which service's queue receives each routing key (as the services bind them). */
const ROUTES: Partial<Record<EventType, QueueName>> = {
  'order.created': 'tickets',
  'order.cancelled': 'tickets',
  'order.paid': 'tickets',
  'ticket.created': 'orders',
  'ticket.updated': 'orders',
  'payment.succeeded': 'orders',
};

/**
 * The tickets and orders services' real use cases and consumers on the real dev database, with
 * a bus the test drives: outbox records are relayed into per-service queues when the test says,
 * and messages are delivered when, as often (duplicates) and as concurrently as it says.
 */
export class World {
  orders!: OrdersDeps;
  tickets!: TicketsDeps;
  gate: Gate | null = null;
  readonly queues: Record<QueueName, Pending[]> = { tickets: [], orders: [] };
  /** Every order.payment-rejected published, i.e. every refund payments was asked to make. */
  readonly refundRequests: Envelope[] = [];
  /** Handler failures other than "retry later": each one is a bug. */
  readonly failures: string[] = [];
  private relays: OutboxRelay[] = [];
  private handlers!: Record<QueueName, Partial<Record<EventType, EventHandler<EventType>>>>;
  private connections: Connection[] = [];
  private iso: Isolation;

  constructor(label: string) {
    this.iso = isolate(label);
  }

  async start(): Promise<void> {
    const logger = createLogger('model', 'silent');
    const gate = () => this.gate;
    const ordersDb = await connectDatabase(this.iso.mongoUrl('orders'));
    const ticketsDb = await connectDatabase(this.iso.mongoUrl('tickets'));
    this.connections.push(ordersDb, ticketsDb);

    const raw = createOrdersDeps(ordersDb, { config: readOrdersConfig({}), logger });
    await ensureOrdersIndexes(raw);
    this.orders = gateAll(raw, gate, raw.now);
    const client = new TicketmasterClient({
      baseUrl: 'http://127.0.0.1:9',
      apiKey: 'unused',
      logger,
    } as unknown as ConstructorParameters<typeof TicketmasterClient>[0]);
    const c = await createTicketsDeps(ticketsDb, client, { eventCacheTtlMs: 0 });
    this.tickets = gateAll(c, gate, Date.now);
    await ensureIndexes(ordersDb);
    await ensureIndexes(ticketsDb);

    const publisher = {
      ready: true,
      publish: async (envelope: Envelope) => this.route(envelope),
    } as unknown as Publisher;
    this.relays = [
      new OutboxRelay([this.orders.orders.outboxSource(), { collection: this.orders.rejections }], publisher, logger),
      new OutboxRelay([this.tickets.store.outboxSource()], publisher, logger),
    ];
    this.handlers = {
      tickets: {
        'order.created': onOrderCreated(this.tickets),
        'order.cancelled': onOrderCancelled(this.tickets),
        'order.paid': onOrderPaid(this.tickets, logger),
      } as Partial<Record<EventType, EventHandler<EventType>>>,
      orders: {
        'ticket.created': onTicketCreated(this.orders),
        'ticket.updated': onTicketUpdated(this.orders),
        'payment.succeeded': onPaymentSucceeded(this.orders),
      } as Partial<Record<EventType, EventHandler<EventType>>>,
    };
  }

  async stop(): Promise<void> {
    for (const c of this.connections) await c.close();
    await this.iso.cleanup();
  }

  /** What a relay pass publishes lands in the queues of the services bound to it. */
  route(envelope: Envelope): void {
    if (envelope.type === 'order.payment-rejected') this.refundRequests.push(envelope);
    const queue = ROUTES[envelope.type as EventType];
    if (queue) this.queues[queue].push({ envelope, retries: 0 });
  }

  /** One pass of every outbox relay (outside the gate: the relay's own races are tested elsewhere). */
  async relay(): Promise<number> {
    let published = 0;
    for (const r of this.relays) published += await r.runOnce();
    return published;
  }

  /**
   * Delivers one message to its service's handler. `keep` leaves it in the queue as well (a
   * duplicate: another relay published it too, or the broker redelivers it). A handler that asks
   * to be retried puts the message back.
   */
  async deliver(queue: QueueName, index: number, keep = false): Promise<void> {
    const list = this.queues[queue];
    if (list.length === 0) return;
    const i = index % list.length;
    const message = keep ? list[i] : list.splice(i, 1)[0];
    const handler = this.handlers[queue][message.envelope.type as EventType];
    if (!handler) return;
    try {
      await handler(message.envelope as never);
    } catch (err) {
      if (!(err instanceof RetryLaterError))
        this.failures.push(`${message.envelope.type} ${(err as Error).stack ?? String(err)}`);
      if (!keep) list.push({ ...message, retries: message.retries + 1, lastError: (err as Error).message });
    }
  }

  /**
   * Delivers one message to two consumers at once (two relays published the same record, or the
   * broker redelivered it while the first consumer was still at work).
   */
  async deliverTwice(queue: QueueName, index: number): Promise<void> {
    const list = this.queues[queue];
    if (list.length === 0) return;
    const [message] = list.splice(index % list.length, 1);
    const handler = this.handlers[queue][message.envelope.type as EventType];
    if (!handler) return;
    const results = await Promise.allSettled([handler(message.envelope as never), handler(message.envelope as never)]);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    for (const f of failed)
      if (!(f.reason instanceof RetryLaterError)) this.failures.push(`${message.envelope.type} ${f.reason?.stack}`);
    if (failed.length > 0)
      list.push({ ...message, retries: message.retries + 1, lastError: (failed[0].reason as Error).message });
  }

  /** The messages still waiting, for a failure report. */
  stuck(): string[] {
    return [...this.queues.tickets, ...this.queues.orders].map(
      (m) => `${m.envelope.type} v${m.envelope.version} ×${m.retries}: ${m.lastError ?? ''}`,
    );
  }

  /** Runs flows concurrently under a fresh gate driven by `choices`. */
  async interleave<T>(choices: number[], flows: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
    const gate = new Gate(choices.length > 0 ? choices : [0]);
    this.gate = gate;
    try {
      return await gate.run(flows);
    } finally {
      this.gate = null;
    }
  }
}

type Gatable = Record<string, unknown>;

/** A copy of a deps object whose collections (and versioned stores' collections) are gated. */
function gateAll<T extends object>(deps: T, gate: () => Gate | null, now: () => number): T {
  const out: Gatable = { ...(deps as Gatable) };
  for (const [key, value] of Object.entries(out)) {
    if (value instanceof VersionedStore) {
      out[key] = new VersionedStore(gated(value.docs, gate), gated(value.changes, gate), { ...value.options, now });
    } else if (isCollection(value)) {
      out[key] = gated(value, gate);
    }
  }
  return out as T;
}

function isCollection(value: unknown): value is Collection<Document> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Collection).insertOne === 'function' &&
    typeof (value as Collection).collectionName === 'string'
  );
}
