import { Envelope } from '@bigtix/common';
import { isolate, waitFor } from '@bigtix/testkit';
import amqp from 'amqplib';
import type { Collection, Document } from 'mongodb';
import mongoose, { Connection } from 'mongoose';
import pino from 'pino';
import { BusConnection } from '../src/bus/connection';
import { makeEnvelope } from '../src/bus/envelope';
import { Publisher } from '../src/bus/publisher';
import { outboxFields } from '../src/outbox/outbox-record';
import { OutboxRelay, OutboxSource, Readiness } from '../src/outbox/outbox-relay';

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

/** Counts the commands a relay sends to one collection, by method. */
function counted(collection: Collection<Document>): { collection: Collection<Document>; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const proxy = new Proxy(collection, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        calls.set(prop, (calls.get(prop) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { collection: proxy, calls };
}

it('decides a page in one readinessMany call: publishes and marks the ready, keeps the waiting, drops the aborted', async () => {
  const raw = db.db!.collection('page');
  const { collection, calls } = counted(raw);
  const pages: string[][] = [];
  const verdictOf = (id: string): Readiness =>
    id.startsWith('ready') ? 'publish' : id.startsWith('wait') ? 'wait' : 'abort';
  const source: OutboxSource = {
    collection,
    readiness: () => Promise.reject(new Error('readiness per record must not be used when readinessMany is there')),
    readinessMany: async (records) => {
      pages.push(records.map((r) => r._id));
      return records.map((r) => verdictOf(r._id));
    },
  };
  const own = new OutboxRelay([source], publisher, logger);
  await own.start();
  await own.stop();
  const kinds = ['ready', 'wait', 'abort'];
  const events = Array.from({ length: 12 }, (_, i) => event(300 + i));
  const ids = events.map((_, i) => `${kinds[i % 3]}-${i}`);
  await raw.insertMany(
    events.map((e, i) => ({ _id: ids[i] as never, ...outboxFields([e], new Date(Date.UTC(2026, 0, 1, 0, 0, i))) })),
  );
  calls.clear();
  const before = received.length;

  expect(await own.runOnce()).toBe(4);
  expect(pages).toEqual([ids]);
  const readyEvents = events.filter((_, i) => i % 3 === 0).map((e) => e.id);
  await waitFor(() => received.length >= before + 4, { what: 'the ready records’ events' });
  expect(received.slice(before).map((e) => e.id)).toEqual(readyEvents);
  const left = await raw.find({}).sort({ _id: 1 }).toArray();
  expect(left.map((r) => [r._id, r.pending ?? null, r.publishedAt instanceof Date])).toEqual(
    ids
      .filter((id) => !id.startsWith('abort'))
      .sort()
      .map((id) => (id.startsWith('ready') ? [id, null, true] : [id, 1, false])),
  );
  // One read of the page, one delete, one update: nothing per record.
  expect(Object.fromEntries(calls)).toEqual({ find: 1, deleteMany: 1, updateMany: 1 });

  // The waiting ones are read again next pass, and only they.
  pages.length = 0;
  expect(await own.runOnce()).toBe(0);
  expect(pages).toEqual([ids.filter((id) => id.startsWith('wait'))]);
});

it('leaves exactly the records whose confirm failed pending, and publishes only those on the next pass', async () => {
  const col = db.db!.collection('confirms');
  const events = Array.from({ length: 6 }, (_, i) => event(400 + i));
  const refused = new Set([events[1].id, events[4].id]);
  const flaky = {
    ready: true,
    publish: (e: Envelope) => (refused.has(e.id) ? Promise.reject(new Error('nack')) : publisher.publish(e)),
  } as unknown as Publisher;
  const own = new OutboxRelay([{ collection: col }], flaky, logger);
  await own.start();
  await own.stop();
  await col.insertMany(
    events.map((e, i) => ({ _id: `c-${i}` as never, ...outboxFields([e], new Date(Date.UTC(2026, 0, 2, 0, 0, i))) })),
  );
  const before = received.length;
  await expect(own.runOnce()).rejects.toThrow('nack');
  const pending = async () => (await col.find({ pending: 1 }).toArray()).map((r) => String(r._id)).sort();
  expect(await pending()).toEqual(['c-1', 'c-4']);
  expect(await col.countDocuments({ publishedAt: { $ne: null } })).toBe(4);

  refused.clear();
  expect(await own.runOnce()).toBe(2);
  expect(await pending()).toEqual([]);
  await waitFor(() => received.length >= before + 6, { what: 'all six events' });
  const sent = received.slice(before).map((e) => e.id);
  expect(sent).toEqual([0, 2, 3, 5, 1, 4].map((i) => events[i].id));
});

it('marks every record of a page larger than one mark command (120 records, pages of 200)', async () => {
  const col = db.db!.collection('big_page');
  const own = new OutboxRelay([{ collection: col }], publisher, logger);
  await own.start();
  await own.stop();
  const events = Array.from({ length: 120 }, (_, i) => event(500 + i));
  await col.insertMany(events.map((e, i) => ({ _id: `big-${i}` as never, ...outboxFields([e]) })));
  const before = received.length;
  expect(await own.runOnce()).toBe(120);
  expect(await col.countDocuments({ pending: 1 })).toBe(0);
  expect(await col.countDocuments({ publishedAt: null })).toBe(0);
  expect(await own.runOnce()).toBe(0);
  await waitFor(() => received.length >= before + 120, { what: '120 events' });
  expect(new Set(received.slice(before).map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
});
