import type { Collection, Document, OptionalUnlessRequiredId } from 'mongodb';

/**
 * The only atomic primitives FerretDB 1.24 and MongoDB share: inserting a unique key (exactly
 * one writer wins, the rest get 11000) and deleting by `_id` (deletedCount says who won).
 * Every contested decision in BigTix is made with these, never with a conditional update.
 */
export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

/** Inserts `{ _id: key, ...doc }`. True when this caller won the key, false when someone else had it. */
export async function claim<T extends Document>(
  collection: Collection<T>,
  key: string,
  doc: Omit<T, '_id'>,
): Promise<boolean> {
  try {
    await collection.insertOne({ ...doc, _id: key } as OptionalUnlessRequiredId<T>);
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}
