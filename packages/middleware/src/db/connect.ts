import mongoose, { Connection } from 'mongoose';

/**
 * One mongoose connection per service (database per service). `autoIndex` stays on so unique
 * keys exist before the first write: correctness here depends on them.
 */
export async function connectDatabase(url: string): Promise<Connection> {
  const connection = mongoose.createConnection(url, {
    serverSelectionTimeoutMS: 10_000,
    maxPoolSize: 20,
    autoIndex: true,
  });
  await connection.asPromise();
  return connection;
}

/** Waits until every model's indexes exist (unique keys are part of the design, not an optimization). */
export async function ensureIndexes(connection: Connection): Promise<void> {
  await Promise.all(Object.values(connection.models).map((m) => m.init()));
}

export async function pingDatabase(connection: Connection): Promise<boolean> {
  try {
    if (connection.readyState !== 1 || !connection.db) return false;
    await connection.db.admin().command({ ping: 1 });
    return true;
  } catch {
    return false;
  }
}
