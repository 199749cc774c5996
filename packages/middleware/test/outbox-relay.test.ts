import { Envelope } from '@bigtix/common';
import { isolate, waitFor } from '@bigtix/testkit';
import amqp from 'amqplib';
import mongoose, { Connection } from 'mongoose';
import pino from 'pino';
import { BusConnection } from '../src/bus/connection';
import { makeEnvelope } from '../src/bus/envelope';
import { Publisher } from '../src/bus/publisher';
import { outboxFields } from '../src/outbox/outbox-record';
import { OutboxRelay } from '../src/outbox/outbox-relay';

const iso = isolate('relay');
const logger = pino({ level: 'silent' });
const url = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
let db: Connection;
let bus: BusConnection;
let publisher: Publisher;
let relay: OutboxRelay;
let received: Envelope[];
let model: amqp.ChannelModel;

beforeAll(async () => {
  db = await mongoose.createConnection(iso.mongoUrl('relay')).asPromise();
  bus = new BusConnection(url, logger);
  publisher = new Publisher(bus, iso.exchange);
  await publisher.start();
  await bus.start();
  model = await amqp.connect(url);
  const ch = await model.createChannel();
  await ch.assertExchange(iso.exchange, 'topic', { durable: true });
  const q = await ch.assertQueue('', { exclusive: true });
  await ch.bindQueue(q.queue, iso.exchange, '#');
  received = [];
  await ch.consume(q.queue, (m) => m && received.push(JSON.parse(m.content.toString())), { noAck: true });
  relay = new OutboxRelay([{ collection: db.db!.collection('decisions') }], publisher, logger, { pollIntervalMs: 50 });
  await relay.start();
});

afterAll(async () => {
  await relay.stop();
  await model.close();
  await bus.close();
  await db.close();
  await iso.cleanup();
});

const event = (n: number) =>
  makeEnvelope('payment.failed', n, 'test', { id: `p${n}`, orderId: `o${n}`, paymentIntentId: 'pi', message: 'x' });

it('publishes the events stored with a decision, then marks the record published', async () => {
  const e1 = event(1);
  const e2 = event(2);
  await db
    .db!.collection('decisions')
    .insertOne({ _id: 'decision-1' as never, outcome: 'paid', ...outboxFields([e1, e2]) });
  relay.nudge();
  await waitFor(() => received.length >= 2, { what: 'two events' });
  expect(received.map((e) => e.id)).toEqual([e1.id, e2.id]);
  const record = await waitFor(async () => {
    const r = await db.db!.collection('decisions').findOne({ _id: 'decision-1' as never });
    return r?.publishedAt ? r : undefined;
  });
  expect(record.outcome).toBe('paid');
});

it('leaves records pending while the broker cannot take them and publishes them once it can', async () => {
  await relay.stop();
  const failing = { ready: true, publish: () => Promise.reject(new Error('broker gone')) } as unknown as Publisher;
  const broken = new OutboxRelay([{ collection: db.db!.collection('decisions') }], failing, logger);
  await db.db!.collection('decisions').insertOne({ _id: 'decision-2' as never, ...outboxFields([event(3)]) });
  await expect(broken.runOnce()).rejects.toThrow('broker gone');
  expect((await db.db!.collection('decisions').findOne({ _id: 'decision-2' as never }))?.publishedAt).toBeNull();

  const before = received.length;
  expect(await relay.runOnce()).toBe(1);
  await waitFor(() => received.length === before + 1, { what: 'event after recovery' });
});

it('publishes a pass oldest first even when the records were written out of time order', async () => {
  const relayOf = new OutboxRelay([{ collection: db.db!.collection('backlog') }], publisher, logger, { batchSize: 50 });
  await relayOf.start();
  await relayOf.stop();
  // Written newest first: the insertion order is the reverse of the time order.
  const events = Array.from({ length: 20 }, (_, i) => event(100 + i));
  const docs = events
    .map((e, i) => ({ _id: `late-${i}` as never, ...outboxFields([e], new Date(Date.UTC(2026, 0, 1, 0, 0, i))) }))
    .reverse();
  await db.db!.collection('backlog').insertMany(docs);
  const before = received.length;
  expect(await relayOf.runOnce()).toBe(20);
  await waitFor(() => received.length >= before + 20, { what: 'the backlog' });
  const sent = received.slice(before).map((e) => e.id);
  expect(sent).toEqual(events.map((e) => e.id));
});

it('publishes a record once when passes are asked for while one runs (its own passes never overlap)', async () => {
  const col = db.db!.collection('overlap');
  const own = new OutboxRelay([{ collection: col }], publisher, logger);
  await own.start();
  await own.stop();
  const e = event(200);
  await col.insertOne({ _id: 'overlap-1' as never, ...outboxFields([e]) });
  const before = received.length;
  const counts = await Promise.all([own.runOnce(), own.runOnce(), own.runOnce()]);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
  await waitFor(() => received.slice(before).some((r) => r.id === e.id), { what: 'the event' });
  expect(await own.runOnce()).toBe(0);
  expect(received.slice(before).filter((r) => r.id === e.id)).toHaveLength(1);
});
