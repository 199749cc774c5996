import { Envelope, EventData, EventType, TicketEventData } from '@bigtix/common';
import { RunningService, makeEnvelope, startService } from '@bigtix/middleware';
import { Isolation, TEST_RABBITMQ_URL, fakeUser, isolate, waitFor } from '@bigtix/testkit';
import amqp from 'amqplib';
import { Types } from 'mongoose';
import type { OrdersDeps } from '../../src/deps';
import { findHolder } from '../../src/domain/holds';
import { OrdersServiceOptions, makeOrdersService } from '../../src/service';

export type Buyer = ReturnType<typeof fakeUser>;

/**
 * One isolated world per test file: the real orders service(s) on ephemeral ports against the
 * real FerretDB and RabbitMQ, a channel to publish ticket/payment events as the other services
 * would, and a tap that records every order.* event the service publishes.
 */
/** A seat as the tickets service announces it in ticket.created (version 1, available). */
export function ticketData(seller: Buyer, overrides: Partial<TicketEventData> = {}): TicketEventData {
  return {
    id: new Types.ObjectId().toHexString(),
    title: `Seat ${Math.floor(Math.random() * 1000)}`,
    price: 5000,
    currency: 'usd',
    eventId: 'G5vYZ9fake',
    userId: seller.id,
    status: 'available',
    orderId: null,
    version: 1,
    ...overrides,
  };
}

export class Harness {
  readonly iso: Isolation;
  readonly services: RunningService[] = [];
  deps!: OrdersDeps;
  readonly events: Envelope[] = [];
  private model: amqp.ChannelModel | null = null;
  private channel: amqp.ConfirmChannel | null = null;
  private versions = new Map<string, TicketEventData>();

  constructor(label: string) {
    this.iso = isolate(label);
  }

  get url(): string {
    return this.services[0].url;
  }

  async start(env: Record<string, string> = {}, options: OrdersServiceOptions = {}, instances = 1): Promise<void> {
    this.model = await amqp.connect(TEST_RABBITMQ_URL);
    this.channel = await this.model.createConfirmChannel();
    await this.channel.assertExchange(this.iso.exchange, 'topic', { durable: true });
    const q = await this.channel.assertQueue('', { exclusive: true });
    await this.channel.bindQueue(q.queue, this.iso.exchange, 'order.#');
    await this.channel.consume(q.queue, (m) => m && this.events.push(JSON.parse(m.content.toString())), {
      noAck: true,
    });
    for (let i = 0; i < instances; i++) {
      const spec = makeOrdersService({ ...options, onDeps: (d) => (i === 0 ? (this.deps = d) : undefined) });
      this.services.push(await startService(spec, this.iso.env('orders', { ORDER_SWEEP_MS: '100', ...env })));
    }
  }

  async stop(): Promise<void> {
    for (const s of this.services) await s.stop();
    await this.model?.close().catch(() => undefined);
    await this.iso.cleanup();
  }

  async publish<T extends EventType>(type: T, version: number, data: EventData<T>): Promise<Envelope> {
    const envelope = makeEnvelope(type, version, 'test', data);
    await new Promise<void>((resolve, reject) =>
      this.channel!.publish(
        this.iso.exchange,
        type,
        Buffer.from(JSON.stringify(envelope)),
        { persistent: true },
        (err) => (err ? reject(err) : resolve()),
      ),
    );
    return envelope;
  }

  /** Lists a ticket as the tickets service would (ticket.created v1) and waits until the replica has it. */
  async listTicket(seller: Buyer, price = 5000, overrides: Partial<TicketEventData> = {}): Promise<TicketEventData> {
    const ticket = ticketData(seller, { price, ...overrides });
    await this.publish('ticket.created', 1, ticket);
    this.versions.set(ticket.id, ticket);
    await this.replicaAt(ticket.id, 1);
    return ticket;
  }

  /** Publishes the next ticket.updated with the given changes. */
  async updateTicket(id: string, changes: Partial<TicketEventData>): Promise<TicketEventData> {
    const prev = this.versions.get(id)!;
    const next = { ...prev, ...changes, version: prev.version + 1 };
    this.versions.set(id, next);
    await this.publish('ticket.updated', next.version, next);
    return next;
  }

  replicaAt(ticketId: string, version: number, timeoutMs = 10_000) {
    return waitFor(
      async () => {
        const t = await this.deps.tickets.findOne({ _id: ticketId });
        return t && t.version >= version ? t : undefined;
      },
      { timeoutMs, what: `replica of ${ticketId} at v${version}` },
    );
  }

  async request(method: string, path: string, user: Buyer | null, body?: unknown, base = this.url) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(user ? { authorization: user.bearer } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  order(buyer: Buyer, tickets: { id: string; price: number }[], base?: string) {
    return this.request(
      'POST',
      '/api/orders',
      buyer,
      { tickets: tickets.map((t) => ({ ticketId: t.id, price: t.price })) },
      base,
    );
  }

  /** The order holding each of these tickets now (a paid order holds its tickets forever). */
  async holders(ticketIds: string[]): Promise<Map<string, string>> {
    const found = await Promise.all(ticketIds.map(async (id) => [id, await findHolder(this.deps, id)] as const));
    return new Map(found.filter((f): f is readonly [string, string] => f[1] !== null));
  }

  async holderOf(ticketId: string): Promise<string | null> {
    return findHolder(this.deps, ticketId);
  }

  eventsFor(orderId: string): Envelope[] {
    return this.events.filter(
      (e) =>
        (e.data as { id?: string; orderId?: string }).id === orderId ||
        (e.data as { orderId?: string }).orderId === orderId,
    );
  }

  waitForEvent(type: string, orderId: string, timeoutMs = 10_000) {
    return waitFor(() => this.eventsFor(orderId).find((e) => e.type === type), {
      timeoutMs,
      what: `${type} for ${orderId}`,
    });
  }
}

export { fakeUser, waitFor };
