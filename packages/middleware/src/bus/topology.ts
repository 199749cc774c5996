import { EXCHANGE } from '@bigtix/common';
import type { Channel } from 'amqplib';

export interface TopologyOptions {
  /** Name of the topic exchange; tests use their own so they never see each other's messages. */
  exchange?: string;
  /** One consumer queue of a service, `<service>.<name>` (CONSUMER_QUEUES in @bigtix/common). */
  queue: string;
  routingKeys: string[];
  queueType?: 'classic' | 'quorum';
}

export interface QueueNames {
  exchange: string;
  main: string;
  retry: string;
  dead: string;
}

export function queueNames(queue: string, exchange = EXCHANGE): QueueNames {
  return { exchange, main: queue, retry: `${queue}.retry`, dead: `${queue}.dead` };
}

/**
 * Declares the exchange, the service's durable queue bound to its routing keys, a retry queue
 * whose messages dead-letter back to the main queue when their per-message TTL (the backoff)
 * runs out, and a dead-letter queue for poison messages. Idempotent; run on every (re)connect.
 */
export async function assertTopology(channel: Channel, options: TopologyOptions): Promise<QueueNames> {
  const names = queueNames(options.queue, options.exchange);
  const typeArgs = options.queueType === 'quorum' ? { 'x-queue-type': 'quorum' } : {};
  await channel.assertExchange(names.exchange, 'topic', { durable: true });
  await channel.assertQueue(names.main, { durable: true, arguments: typeArgs });
  await channel.assertQueue(names.retry, {
    durable: true,
    arguments: { ...typeArgs, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': names.main },
  });
  await channel.assertQueue(names.dead, { durable: true, arguments: typeArgs });
  for (const key of options.routingKeys) await channel.bindQueue(names.main, names.exchange, key);
  return names;
}
