import type { Collection, Document } from 'mongodb';

/**
 * The same collection, typed by the documents it holds. The driver cannot know what a
 * collection holds, so a collection handed out untyped (a mongoose model's `.collection`, a
 * `Collection<Document>`) is given its type here, once, instead of with a cast at every use.
 */
export function typedCollection<T extends Document>(collection: Collection<Document>): Collection<T> {
  return collection as unknown as Collection<T>;
}

/** The same collection untyped, for code that handles any document (the outbox relay's sources). */
export function untypedCollection<T extends Document>(collection: Collection<T>): Collection<Document> {
  return collection as unknown as Collection<Document>;
}
