import amqp from 'amqplib';
import { MongoClient } from 'mongodb';
import type { BenchSettings } from './settings';

/** Drops the bench databases, queues and exchange, so runs never see each other's data. */
export async function dropBenchState(s: BenchSettings, services: string[]): Promise<void> {
  const client = new MongoClient(s.mongoBase, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.connect();
    for (const name of services) await client.db(`${s.dbPrefix}${name}`).dropDatabase();
  } finally {
    await client.close();
  }
  const conn = await amqp.connect(s.rabbitmqUrl);
  try {
    for (const name of services) {
      for (const suffix of ['', '.retry', '.dead']) {
        // A missing queue closes the channel, so each delete gets its own.
        const ch = await conn.createChannel();
        ch.on('error', () => undefined);
        await ch.deleteQueue(`${s.queuePrefix}${name}.events${suffix}`).catch(() => undefined);
        await ch.close().catch(() => undefined);
      }
    }
    const ch = await conn.createChannel();
    ch.on('error', () => undefined);
    await ch.deleteExchange(s.exchange).catch(() => undefined);
    await ch.close().catch(() => undefined);
  } finally {
    await conn.close();
  }
}
