import type { Connection } from 'mongoose';

/**
 * Outbox records not yet published, in every collection of a service's database: any document
 * with `events` and `publishedAt: null` is one (the relay's record shape), whatever the
 * collection is called, so a new outbox source is covered without naming it here.
 */
export async function pendingOutbox(db: Connection): Promise<Record<string, number>> {
  const pending: Record<string, number> = {};
  for (const { name } of await db.db!.listCollections().toArray()) {
    const n = await db.db!.collection(name).countDocuments({ events: { $exists: true }, publishedAt: null });
    if (n > 0) pending[name] = n;
  }
  return pending;
}
