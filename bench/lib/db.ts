import { Db, MongoClient } from 'mongodb';
import type { StackInfo } from './stack-info';

/**
 * Read-only peeks into a service's bench database, for checks the HTTP API does not expose
 * (has the orders replica caught up, how many holds exist). Benchmarks never write here.
 */
export async function withServiceDb<T>(stack: StackInfo, service: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const client = new MongoClient(stack.mongoBase, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  try {
    return await fn(client.db(`${stack.dbPrefix}${service}`));
  } finally {
    await client.close();
  }
}

/** Polls until `probe` is true, with a deadline; never a fixed sleep. */
export async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs: number, intervalMs = 250): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await probe()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Waits until the orders service's ticket replica holds every one of `ids` (events consumed). */
export async function waitForReplica(stack: StackInfo, ids: string[], timeoutMs = 300_000): Promise<number> {
  return withServiceDb(stack, 'orders', (db) =>
    waitUntil(`the orders replica to see ${ids.length} tickets`, async () => (await db.collection('tickets').countDocuments({ _id: { $in: ids } } as never)) === ids.length, timeoutMs, 500),
  );
}
