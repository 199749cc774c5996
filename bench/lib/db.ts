import { Db, MongoClient } from 'mongodb';
import { waitFor } from '@bigtix/testkit';
import type { StackInfo } from './stack-info';

/**
 * Read-only peeks into a service's bench database, for checks the HTTP API does not expose
 * (has the orders replica caught up, how many holds exist). Benchmarks never write here.
 */
export async function withServiceDb<T>(stack: StackInfo, service: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const client = new MongoClient(stack.mongoBase, { serverSelectionTimeoutMS: 30_000 });
  // No explicit connect: the driver connects on first use and reconnects after a database
  // restart, so a long wait survives one.
  try {
    return await fn(client.db(`${stack.dbPrefix}${service}`));
  } finally {
    await client.close();
  }
}

/**
 * Polls until `probe` is true, with a deadline; never a fixed sleep. Returns the time waited.
 * A probe that throws is polled again: the shared dev database gets restarted by other people's
 * fault tests.
 */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 250,
): Promise<number> {
  const started = Date.now();
  await waitFor(async () => (await probe()) || undefined, { what, timeoutMs, intervalMs });
  return Date.now() - started;
}

/**
 * Waits until the orders service's ticket replica holds every one of `ids` (events consumed).
 * FerretDB evaluates `$in` document by document in its own process, so a 10,000-id `$in` every
 * poll would itself load the database under test: large sets wait for the replica's total count
 * (`expectedTotal`) and then check a sample of ids exactly.
 */
export async function waitForReplica(
  stack: StackInfo,
  ids: string[],
  timeoutMs = 300_000,
  expectedTotal?: number,
): Promise<number> {
  return withServiceDb(stack, 'orders', async (db) => {
    const replica = db.collection('tickets');
    const hasAll = async (some: string[]) =>
      (await replica.countDocuments({ _id: { $in: some } } as never)) === some.length;
    if (ids.length <= 200)
      return waitUntil(`the orders replica to see ${ids.length} tickets`, () => hasAll(ids), timeoutMs, 250);
    const total = expectedTotal ?? ids.length;
    const waited = await waitUntil(
      `the orders replica to reach ${total} tickets`,
      async () => (await replica.countDocuments({})) >= total,
      timeoutMs,
      1000,
    );
    const sample = Array.from({ length: 200 }, () => ids[Math.floor(Math.random() * ids.length)]);
    const rest = await waitUntil(
      'a sample of 200 seeded tickets in the orders replica',
      () => hasAll([...new Set(sample)]),
      60_000,
      500,
    );
    return waited + rest;
  });
}

/** How many tickets the orders replica holds now. */
export function replicaCount(stack: StackInfo): Promise<number> {
  return withServiceDb(stack, 'orders', (db) => db.collection('tickets').countDocuments({}));
}
