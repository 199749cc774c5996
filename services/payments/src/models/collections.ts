import type { Collection, Document } from 'mongodb';
import type { Connection } from 'mongoose';

/** Native driver collections: the versioned stores and claims work below mongoose on purpose. */
export function nativeCollection<T extends Document = Document>(db: Connection, name: string): Collection<T> {
  if (!db.db) throw new Error('database connection is not open');
  return db.db.collection<T>(name);
}
