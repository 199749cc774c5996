import { Envelope } from '@bigtix/common';
import { isolate, waitFor } from '@bigtix/testkit';
import amqp from 'amqplib';
import pino from 'pino';
import { Registry } from 'prom-client';
import { BusConnection } from '../src/bus/connection';
import { Consumer, HandlerMap, cappedBackoff } from '../src/bus/consumer';
import { listDeadLetters, redriveDeadLetters } from '../src/bus/dead-letters';
import { makeEnvelope } from '../src/bus/envelope';
import { Publisher } from '../src/bus/publisher';
import { queueNames } from '../src/bus/topology';

const iso = isolate('dead');
const url = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const started: { stop?: () => Promise<void>; close?: () => Promise<void> }[] = [];
const errors: Record<string, unknown>[] = [];
const logger = pino({ level: 'error' }, { write: (line: string) => void errors.push(JSON.parse(line)) });
let admin: amqp.ChannelModel;
let queues = 0;

beforeAll(async () => {
  admin = await amqp.connect(url);
});

afterAll(async () => {
  for (const s of started.reverse()) await (s.stop ?? s.close)!.call(s);
  const ch = await admin.createChannel();
  for (let i = 1; i <= queues; i++)
    for (const q of Object.values(queueNames(`${iso.queuePrefix}dl${i}`)).slice(1)) await ch.deleteQueue(q);
  await admin.close();
  await iso.cleanup();
});

async function consumer(handlers: HandlerMap, options: { maxAttempts?: number } = {}) {
  const connection = new BusConnection(url, logger);
  const publisher = new Publisher(connection, iso.exchange);
  await publisher.start();
  await connection.start();
  started.push(connection);
  const registry = new Registry();
  const queue = `${iso.queuePrefix}dl${++queues}`;
  const c = new Consumer(connection, publisher, logger, {
    queue,
    exchange: iso.exchange,
    handlers,
    maxAttempts: options.maxAttempts ?? 3,
    backoffMs: () => 20,
    registry,
  });
  await c.start();
  started.push(c);
  return { consumer: c, publisher, queue, registry, names: queueNames(queue) };
}

async function depth(queue: string): Promise<number> {
  const ch = await admin.createChannel();
  try {
    return (await ch.checkQueue(queue)).messageCount;
  } finally {
    await ch.close();
  }
}

async function deadLetterMetric(registry: Registry): Promise<{ labels: object; value: number }[]> {
  const metric = await registry.getSingleMetric('bigtix_dead_letters_total')!.get();
  return metric.values.map((v) => ({ labels: v.labels, value: v.value }));
}

const ticketUpdated = (id: string) =>
  makeEnvelope('ticket.updated', 2, 'test', {
    id,
    title: 'Seat',
    price: 1000,
    currency: 'usd',
    eventId: 'ev',
    userId: 'seller',
    status: 'available',
    orderId: null,
    version: 2,
  });

const paymentSucceeded = (orderId: string) =>
  makeEnvelope('payment.succeeded', 2, 'test', {
    id: `pay-${orderId}`,
    orderId,
    paymentIntentId: `pi_${orderId}`,
    amount: 5000,
    currency: 'usd',
  });

it('caps the backoff, so a long outage costs one attempt per cap', () => {
  const backoff = cappedBackoff(5_000);
  expect([1, 2, 3].map(backoff)).toEqual([200, 400, 800]);
  expect(backoff(6)).toBe(5_000);
  expect(backoff(10_000)).toBe(5_000);
});

it('keeps retrying a money-bearing event far past maxAttempts until it applies, never dead-lettering it', async () => {
  let calls = 0;
  const { publisher, names, registry } = await consumer(
    {
      'payment.succeeded': async () => {
        calls += 1;
        if (calls < 10) throw new Error('database unreachable');
      },
    },
    { maxAttempts: 3 },
  );
  const event = paymentSucceeded('o1');
  await publisher.publish(event);
  await waitFor(() => calls === 10, { what: 'the tenth attempt', timeoutMs: 20_000 });
  expect(await depth(names.dead)).toBe(0);
  expect(await deadLetterMetric(registry)).toEqual([]);
  // Past the budget each failure is an error line, so a stuck payment is seen.
  expect(errors.filter((e) => e.id === event.id && /still failing/.test(String(e.msg))).length).toBeGreaterThan(0);
  const retries = await registry.getSingleMetric('bigtix_consumer_retries_total')!.get();
  expect(retries.values[0].value).toBe(9);
});

it('dead-letters a listing event after maxAttempts: counted per queue and logged at error level with its id', async () => {
  const { publisher, names, queue, registry } = await consumer({
    'ticket.updated': async () => {
      throw new Error('database unreachable');
    },
  });
  const event = ticketUpdated('t1');
  await publisher.publish(event);
  await waitFor(async () => (await depth(names.dead)) === 1, { what: 'a dead letter', timeoutMs: 15_000 });
  await waitFor(async () => (await deadLetterMetric(registry)).length === 1, { what: 'the metric' });
  expect(await deadLetterMetric(registry)).toEqual([
    { labels: { queue, type: 'ticket.updated', reason: 'exhausted' }, value: 1 },
  ]);
  const logged = errors.find((e) => e.id === event.id && e.queue === queue);
  expect(logged).toMatchObject({ level: 50, type: 'ticket.updated', kind: 'exhausted' });
  const [listed] = await listDeadLetters(admin, queue);
  expect(listed).toMatchObject({ id: event.id, type: 'ticket.updated', attempts: 3 });
  expect(listed.reason).toMatch(/^exhausted: database unreachable/);
  expect(await depth(names.dead)).toBe(1); // listing leaves it there
});

it('dead-letters a poison money-bearing message at once, counted as poison', async () => {
  let calls = 0;
  const { publisher, names, queue, registry } = await consumer({ 'payment.succeeded': async () => void calls++ });
  const bad = { ...paymentSucceeded('o2'), data: { orderId: 42 } } as unknown as Envelope;
  await publisher.publish(bad);
  await waitFor(async () => (await depth(names.dead)) === 1, { what: 'a dead letter' });
  await waitFor(async () => (await deadLetterMetric(registry)).length === 1, { what: 'the metric' });
  expect(await deadLetterMetric(registry)).toEqual([
    { labels: { queue, type: 'payment.succeeded', reason: 'poison' }, value: 1 },
  ]);
  expect(errors.find((e) => e.id === bad.id)).toMatchObject({ level: 50, kind: 'poison' });
  expect(calls).toBe(0);
});

it('redrives dead letters once they can apply; a second redrive finds nothing and delivers nothing twice', async () => {
  let broken = true;
  const applied: string[] = [];
  const { publisher, names, queue } = await consumer({
    'ticket.updated': async (e) => {
      if (broken) throw new Error('database unreachable');
      applied.push(e.data.id);
    },
  });
  await publisher.publish(ticketUpdated('a'));
  await publisher.publish(ticketUpdated('b'));
  await waitFor(async () => (await depth(names.dead)) === 2, { what: 'two dead letters', timeoutMs: 15_000 });
  broken = false;

  const redriven = await redriveDeadLetters(admin, queue);
  expect(redriven.map((d) => d.type)).toEqual(['ticket.updated', 'ticket.updated']);
  await waitFor(() => applied.length === 2, { what: 'both applied' });
  expect(applied.sort()).toEqual(['a', 'b']);
  expect(await depth(names.dead)).toBe(0);

  expect(await redriveDeadLetters(admin, queue)).toEqual([]);
  await publisher.publish(ticketUpdated('marker'));
  await waitFor(() => applied.includes('marker'), { what: 'a later event' });
  expect(applied.filter((id) => id !== 'marker')).toHaveLength(2);
});

it('redrives only the ids asked for and leaves the rest in order; a message that fails again goes back to .dead once', async () => {
  const { publisher, names, queue } = await consumer({
    'ticket.updated': async () => {
      throw new Error('still broken');
    },
  });
  const first = ticketUpdated('x');
  const second = ticketUpdated('y');
  await publisher.publish(first);
  await waitFor(async () => (await depth(names.dead)) === 1, { what: 'first dead letter', timeoutMs: 15_000 });
  await publisher.publish(second);
  await waitFor(async () => (await depth(names.dead)) === 2, { what: 'second dead letter', timeoutMs: 15_000 });

  const redriven = await redriveDeadLetters(admin, queue, { ids: [second.id] });
  expect(redriven.map((d) => d.id)).toEqual([second.id]);
  // It fails its three attempts again and comes back, marked as redriven once.
  await waitFor(async () => (await listDeadLetters(admin, queue)).some((d) => d.id === second.id), {
    what: 'the redriven message back in .dead',
    timeoutMs: 15_000,
  });
  const listed = await listDeadLetters(admin, queue);
  expect(listed.map((d) => [d.id, d.redriven])).toEqual([
    [first.id, 0],
    [second.id, 1],
  ]);
});

it('loses nothing when a redrive dies between republishing and acknowledging: the next run delivers it again', async () => {
  let broken = true;
  const applied: string[] = [];
  const { publisher, names, queue } = await consumer({
    'ticket.updated': async (e) => {
      if (broken) throw new Error('database unreachable');
      applied.push(e.data.id);
    },
  });
  await publisher.publish(ticketUpdated('p'));
  await publisher.publish(ticketUpdated('q'));
  await waitFor(async () => (await depth(names.dead)) === 2, { what: 'two dead letters', timeoutMs: 15_000 });
  broken = false;

  const crash = () => {
    throw new Error('operator lost the connection');
  };
  await expect(redriveDeadLetters(admin, queue, { beforeAck: crash })).rejects.toThrow(/lost the connection/);
  // The first message was republished (and is applied) but its dead copy was never acked.
  await waitFor(() => applied.length === 1, { what: 'the republished copy applied' });
  expect(await depth(names.dead)).toBe(2);

  expect(await redriveDeadLetters(admin, queue)).toHaveLength(2);
  await waitFor(() => applied.length === 3, { what: 'both applied' });
  expect([...new Set(applied)].sort()).toEqual(['p', 'q']); // one of them twice: a duplicate, never a loss
  expect(await depth(names.dead)).toBe(0);
});

it('refuses to redrive into a queue that does not exist, keeping the dead letter', async () => {
  const queue = `${iso.queuePrefix}dl${++queues}`;
  const ch = await admin.createChannel();
  await ch.assertQueue(queueNames(queue).dead, { durable: true });
  ch.sendToQueue(queueNames(queue).dead, Buffer.from(JSON.stringify(ticketUpdated('z'))), { persistent: true });
  await ch.close();
  await expect(redriveDeadLetters(admin, queue)).rejects.toThrow(/does not exist/);
  expect(await depth(queueNames(queue).dead)).toBe(1);
  const cleanup = await admin.createChannel();
  await cleanup.deleteQueue(queueNames(queue).dead);
  await cleanup.close();
});

it('stop() cancels the subscription at once: while it finishes in-flight work, new messages wait for another replica', async () => {
  const handled: string[] = [];
  let release!: () => void;
  const blocked = new Promise<void>((r) => (release = r));
  const {
    consumer: c,
    publisher,
    names,
  } = await consumer({
    'ticket.updated': async (e) => {
      handled.push(e.data.id);
      if (e.data.id === 'slow') await blocked;
    },
  });
  await publisher.publish(ticketUpdated('slow'));
  await waitFor(() => handled.length === 1, { what: 'the slow delivery' });
  const stopping = c.stop();
  await publisher.publish(ticketUpdated('after'));
  await waitFor(async () => (await depth(names.main)) === 1, { what: 'the new message to wait in the queue' });
  release();
  await stopping;
  expect(handled).toEqual(['slow']);
  expect(await depth(names.main)).toBe(1);
});
