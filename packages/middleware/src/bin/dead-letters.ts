#!/usr/bin/env node
/**
 * Operator tool for the dead-letter queues (README "Operations"):
 *   dead-letters list [queue...]                  what is in each `<queue>.dead`
 *   dead-letters redrive [queue...] [--id <id>]   send them back to their queue, to be handled again
 * Queues default to every consumer queue (CONSUMER_QUEUES); names are given without the
 * BIGTIX_QUEUE_PREFIX, which is added. RABBITMQ_URL picks the broker.
 */
import { consumerQueueNames } from '@bigtix/common';
import amqp from 'amqplib';
import { DeadLetter, listDeadLetters, redriveDeadLetters } from '../bus/dead-letters';

function usage(): never {
  console.error('usage: dead-letters list [queue...] | dead-letters redrive [queue...] [--id <message id>]...');
  process.exit(2);
}

function line(d: DeadLetter): string {
  const redriven = d.redriven ? ` redriven=${d.redriven}` : '';
  return `${d.queue}.dead  ${d.id}  ${d.type}  attempts=${d.attempts}${redriven}  at=${d.deadAt ?? '?'}  ${d.reason}`;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'list' && command !== 'redrive') usage();
  const ids: string[] = [];
  const queues: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--id') ids.push(rest[++i] ?? usage());
    else if (rest[i].startsWith('-')) usage();
    else queues.push(rest[i]);
  }
  const prefix = process.env.BIGTIX_QUEUE_PREFIX ?? '';
  const names = queues.length ? queues.map((q) => `${prefix}${q}`) : consumerQueueNames(prefix);
  const model = await amqp.connect(process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672');
  try {
    let total = 0;
    for (const queue of names) {
      const found =
        command === 'list'
          ? await listDeadLetters(model, queue)
          : await redriveDeadLetters(model, queue, ids.length ? { ids } : {});
      for (const d of found) console.log(line(d));
      total += found.length;
    }
    console.log(`${command === 'list' ? 'dead letters' : 'redriven'}: ${total}`);
  } finally {
    await model.close().catch(() => undefined);
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(`dead-letters: ${(err as Error).message}`);
  process.exit(1);
});
