import { Envelope } from '@bigtix/common';
import { isolate, waitFor } from '@bigtix/testkit';
import amqp from 'amqplib';
import pino from 'pino';
import { BusConnection } from '../src/bus/connection';
import { Consumer, RetryLaterError } from '../src/bus/consumer';
import { makeEnvelope } from '../src/bus/envelope';
import { Publisher } from '../src/bus/publisher';
import { queueNames } from '../src/bus/topology';

const iso = isolate('bus');
const logger = pino({ level: 'silent' });
const url = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const started: { stop?: () => Promise<void>; close?: () => Promise<void> }[] = [];

afterAll(async () => {
  for (const s of started.reverse()) await (s.stop ?? s.close)!.call(s);
  await iso.cleanup();
});

async function bus() {
  const connection = new BusConnection(url, logger);
  const publisher = new Publisher(connection, iso.exchange);
  await publisher.start();
  await connection.start();
  started.push(connection);
  return { connection, publisher };
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

const paymentFailed = (orderId: string) =>
  makeEnvelope('payment.failed', 1, 'test', {
    id: `pay-${orderId}`,
    orderId,
    paymentIntentId: 'pi_1',
    message: 'declined',
  });

async function countMessages(queue: string): Promise<number> {
  const model = await amqp.connect(url);
  try {
    const ch = await model.createChannel();
    return (await ch.checkQueue(queue)).messageCount;
  } finally {
    await model.close();
  }
}

it('delivers a published event to the consumer bound to its routing key, validated', async () => {
  const { connection, publisher } = await bus();
  const received: Envelope[] = [];
  const consumer = new Consumer(connection, publisher, logger, {
    queue: `${iso.queuePrefix}test.events`,
    exchange: iso.exchange,
    handlers: { 'payment.failed': async (e) => void received.push(e) },
  });
  await consumer.start();
  started.push(consumer);
  const event = paymentFailed('o1');
  await publisher.publish(event);
  await waitFor(() => received.length === 1, { what: 'delivery' });
  expect(received[0]).toEqual(event);
});

it('retries a failing handler of a listing event with growing delays, then dead-letters it', async () => {
  const { connection, publisher } = await bus();
  const attempts: number[] = [];
  const queue = `${iso.queuePrefix}retry.events`;
  const consumer = new Consumer(connection, publisher, logger, {
    queue,
    exchange: iso.exchange,
    maxAttempts: 4,
    backoffMs: (n) => 50 * 2 ** (n - 1),
    handlers: {
      'ticket.updated': async () => {
        attempts.push(Date.now());
        throw new Error('handler is broken');
      },
    },
  });
  await consumer.start();
  started.push(consumer);
  await publisher.publish(ticketUpdated('t2'));
  await waitFor(async () => (await countMessages(queueNames(queue).dead)) === 1, {
    what: 'dead letter',
    timeoutMs: 15_000,
  });
  expect(attempts).toHaveLength(4);
  const gaps = attempts.slice(1).map((t, i) => t - attempts[i]);
  // Backoff 50, 100, 200 ms: each gap at least its delay, and growing.
  expect(gaps[0]).toBeGreaterThanOrEqual(45);
  expect(gaps[2]).toBeGreaterThanOrEqual(195);
  expect(gaps[2]).toBeGreaterThan(gaps[0]);
});

it('applies an event on a later attempt after RetryLaterError, without dead-lettering it', async () => {
  const { connection, publisher } = await bus();
  let calls = 0;
  const queue = `${iso.queuePrefix}later.events`;
  const consumer = new Consumer(connection, publisher, logger, {
    queue,
    exchange: iso.exchange,
    backoffMs: () => 20,
    handlers: {
      'payment.failed': async () => {
        calls += 1;
        if (calls < 3) throw new RetryLaterError('version gap');
      },
    },
  });
  await consumer.start();
  started.push(consumer);
  await publisher.publish(paymentFailed('o3'));
  await waitFor(() => calls === 3, { what: 'third attempt' });
  expect(await countMessages(queueNames(queue).dead)).toBe(0);
});

it('dead-letters a message that does not match its schema without calling the handler', async () => {
  const { connection, publisher } = await bus();
  let calls = 0;
  const queue = `${iso.queuePrefix}poison.events`;
  const consumer = new Consumer(connection, publisher, logger, {
    queue,
    exchange: iso.exchange,
    handlers: { 'payment.failed': async () => void (calls += 1) },
  });
  await consumer.start();
  started.push(consumer);
  const bad = { ...paymentFailed('o4'), data: { orderId: 42 } } as unknown as Envelope;
  await publisher.publish(bad);
  await waitFor(async () => (await countMessages(queueNames(queue).dead)) === 1, { what: 'dead letter' });
  expect(calls).toBe(0);
});
