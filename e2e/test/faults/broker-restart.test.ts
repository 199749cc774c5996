/**
 * A broker restart while events are being produced loses nothing: decisions keep being
 * stored (with their events) while RabbitMQ is down, and the outbox relay publishes every one
 * of them after the bus reconnects by itself.
 */
import { Envelope } from '@bigtix/common';
import { BusConnection, Consumer, OutboxRelay, Publisher, makeEnvelope, outboxFields } from '@bigtix/middleware';
import { isolate, waitFor } from '@bigtix/testkit';
import mongoose, { Connection } from 'mongoose';
import pino from 'pino';
import { portOpen, startBroker, stopBroker } from '../../src/faults/broker-control';

jest.setTimeout(180_000);

const iso = isolate('brokerrestart');
const logger = pino({ level: 'silent' });
const url = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

let db: Connection;
const connections: BusConnection[] = [];
const stoppables: { stop(): Promise<void> }[] = [];

afterAll(async () => {
  if (!(await portOpen(5672))) startBroker();
  for (const s of stoppables) await s.stop();
  for (const c of connections) await c.close();
  await db?.close();
  await iso.cleanup();
});

it('delivers every event produced before, during and after a broker restart exactly as stored', async () => {
  db = await mongoose.createConnection(iso.mongoUrl('faults')).asPromise();
  const decisions = db.db!.collection('decisions');

  const producerBus = new BusConnection(url, logger, 500);
  const publisher = new Publisher(producerBus, iso.exchange);
  await publisher.start();
  await producerBus.start();
  const relay = new OutboxRelay([{ collection: decisions }], publisher, logger, { pollIntervalMs: 100 });
  await relay.start();
  stoppables.push(relay);

  const consumerBus = new BusConnection(url, logger, 500);
  const consumerPublisher = new Publisher(consumerBus, iso.exchange);
  await consumerPublisher.start();
  await consumerBus.start();
  connections.push(producerBus, consumerBus);
  const received = new Set<string>();
  const consumer = new Consumer(consumerBus, consumerPublisher, logger, {
    queue: `${iso.queuePrefix}test.events`,
    exchange: iso.exchange,
    handlers: { 'payment.failed': async (e: Envelope) => void received.add(e.id) },
  });
  await consumer.start();
  stoppables.unshift(consumer);

  const produced: string[] = [];
  const produce = async (n: number) => {
    const event = makeEnvelope('payment.failed', 1, 'faults', {
      id: `p${n}`,
      orderId: `o${n}`,
      paymentIntentId: 'pi',
      message: 'x',
    });
    await decisions.insertOne({ _id: `d${n}` as never, ...outboxFields([event]) });
    produced.push(event.id);
    relay.nudge();
  };

  let n = 0;
  for (; n < 20; n++) await produce(n);
  await waitFor(() => received.size === 20, { what: 'events before the restart' });

  stopBroker();
  try {
    await waitFor(() => !producerBus.connected || undefined, { what: 'the bus to notice', timeoutMs: 20_000 });
    for (; n < 40; n++) await produce(n); // written while the broker is down
  } finally {
    startBroker();
  }
  for (; n < 60; n++) await produce(n);

  await waitFor(() => received.size === 60, { what: 'all 60 events after the restart', timeoutMs: 90_000 });
  expect([...received].sort()).toEqual([...produced].sort());
  // Records are marked published after their confirms: the consumer can be a moment ahead.
  await waitFor(async () => (await decisions.countDocuments({ publishedAt: null })) === 0, {
    what: 'every record marked published',
  });
});
