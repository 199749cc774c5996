import { Envelope, EventData, EventType, OrderCreatedData } from '@bigtix/common';
import { RunningService, makeEnvelope, startService } from '@bigtix/middleware';
import { Isolation, TEST_RABBITMQ_URL, fakeUser, isolate, waitFor } from '@bigtix/testkit';
import amqp from 'amqplib';
import { Types } from 'mongoose';
import Stripe from 'stripe';
import { RunningFakeStripe, startFakeStripe } from '@bigtix/fake-stripe';
import { paymentsService } from '../../src/service';

export const WEBHOOK_SECRET = 'whsec_payments_test_secret';
export const TEST_STRIPE_KEY = 'sk_test_payments_harness';

export type TestUser = ReturnType<typeof fakeUser>;

/**
 * The real payments service on an ephemeral port against FerretDB and RabbitMQ (isolated), the
 * fake Stripe in-process sending signed webhooks to it, and a bus probe that records every
 * payment.* event the service publishes and publishes order.* events as the orders service would.
 */
export interface Harness {
  iso: Isolation;
  fake: RunningFakeStripe;
  service: RunningService;
  url: string;
  /** The official client pointed at the fake, for what a browser would do (ConfirmationTokens). */
  stripe: Stripe;
  published: Envelope[];
  publish<T extends EventType>(type: T, version: number, data: EventData<T>): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(label: string, extraEnv: Record<string, string> = {}): Promise<Harness> {
  const iso = isolate(label);
  const fake = await startFakeStripe({
    webhookUrl: null,
    webhookSecret: WEBHOOK_SECRET,
    webhookRetryBaseMs: 50,
    webhookMaxAttempts: 5,
  });
  const service = await startService(
    paymentsService,
    iso.env('payments', {
      STRIPE_API_BASE: fake.url,
      STRIPE_SECRET_KEY: TEST_STRIPE_KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      ...extraEnv,
    }),
  );
  fake.controls.setWebhook({ url: `${service.url}/api/webhooks/stripe` });

  const connection = await amqp.connect(TEST_RABBITMQ_URL);
  const channel = await connection.createConfirmChannel();
  await channel.assertExchange(iso.exchange, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, iso.exchange, 'payment.*');
  const published: Envelope[] = [];
  await channel.consume(queue, (msg) => {
    if (!msg) return;
    published.push(JSON.parse(msg.content.toString('utf8')) as Envelope);
    channel.ack(msg);
  });

  return {
    iso,
    fake,
    service,
    url: service.url,
    stripe: new Stripe(TEST_STRIPE_KEY, { ...fake.stripeClientOptions, maxNetworkRetries: 0 }),
    published,
    async publish(type, version, data) {
      const envelope = makeEnvelope(type, version, 'orders', data);
      await new Promise<void>((resolve, reject) =>
        channel.publish(
          iso.exchange,
          type,
          Buffer.from(JSON.stringify(envelope)),
          { persistent: true, contentType: 'application/json' },
          (err) => (err ? reject(err) : resolve()),
        ),
      );
    },
    async stop() {
      await channel.close().catch(() => undefined);
      await connection.close().catch(() => undefined);
      await service.stop();
      await fake.close();
      await iso.cleanup();
    },
  };
}

export function newOrder(user: { id: string }, overrides: Partial<OrderCreatedData> = {}): OrderCreatedData {
  const tickets = [
    { ticketId: new Types.ObjectId().toHexString(), title: 'Floor A, row 3, seat 7', price: 7_500 },
    { ticketId: new Types.ObjectId().toHexString(), title: 'Floor A, row 3, seat 8', price: 5_000 },
  ];
  return {
    id: new Types.ObjectId().toHexString(),
    userId: user.id,
    status: 'created',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    tickets,
    total: tickets.reduce((sum, t) => sum + t.price, 0),
    currency: 'usd',
    version: 1,
    ...overrides,
  };
}

/** The replica's view of an order, read from the service's own database (to wait, not to assert). */
export async function replicaVersion(h: Harness, orderId: string): Promise<number | null> {
  const doc = await h.service.ctx.db.db!.collection('orders').findOne({ _id: orderId as never });
  return doc ? (doc.version as number) : null;
}

export async function waitForReplica(h: Harness, orderId: string, version: number): Promise<void> {
  await waitFor(async () => ((await replicaVersion(h, orderId)) ?? 0) >= version, {
    what: `replica of ${orderId} at v${version}`,
  });
}

/** Publishes order.created and waits until the service has it. */
export async function placeOrder(
  h: Harness,
  user: { id: string },
  overrides: Partial<OrderCreatedData> = {},
): Promise<OrderCreatedData> {
  const order = newOrder(user, overrides);
  await h.publish('order.created', 1, order);
  await waitForReplica(h, order.id, 1);
  return order;
}

export async function confirmationToken(h: Harness, paymentMethod: string): Promise<string> {
  return (await h.stripe.testHelpers.confirmationTokens.create({ payment_method: paymentMethod })).id;
}

export function eventsOf(h: Harness, type: EventType, orderId: string): Envelope[] {
  return h.published.filter((e) => e.type === type && (e.data as { orderId?: string }).orderId === orderId);
}

export { fakeUser, waitFor };
