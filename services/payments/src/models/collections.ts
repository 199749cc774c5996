import type { Collection, Document } from 'mongodb';
import type { Connection } from 'mongoose';

/** Native driver collections: the versioned stores and claims work below mongoose on purpose. */
export function nativeCollection(db: Connection, name: string): Collection<Document> {
  if (!db.db) throw new Error('database connection is not open');
  return db.db.collection(name);
}
