import type { Connection } from 'mongoose';

/**
 * Caches of outside data (Ticketmaster events) may fill on reads, and the event status sync
 * records what it reads of followed events in the background (tickets' `event_statuses` and
 * their changes, orders' `event_versions`): none of them are writes of the request's making.
 */
const IGNORED = new Set(['event_cache', 'event_statuses', 'event_status_changes', 'event_versions']);

/** Documents per collection in one service's database: "writes nothing" means this does not change. */
export async function countDocuments(db: Connection): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { name } of await db.db!.listCollections().toArray()) {
    if (IGNORED.has(name) || name.startsWith('system.')) continue;
    counts[name] = await db.db!.collection(name).countDocuments({});
  }
  return counts;
}

/** The documents of every collection, for checks that an update changed nothing (versions, fields). */
export async function fingerprint(db: Connection): Promise<string> {
  const parts: string[] = [];
  for (const { name } of (await db.db!.listCollections().toArray()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (IGNORED.has(name) || name.startsWith('system.')) continue;
    const docs = await db.db!.collection(name).find({}).sort({ _id: 1 }).toArray();
    parts.push(`${name}:${JSON.stringify(docs)}`);
  }
  return parts.join('\n');
}
