import { connectDatabase } from '@bigtix/middleware';
import { announceAllRegistrations } from '../domain/registration';

/**
 * `make announce-users`: writes `user.registered` for every account of the auth database
 * (MONGO_URL, default bigtix-auth) that has none; the running auth service's relay publishes them.
 */
async function main(): Promise<void> {
  // Only the database: this writes records, it signs nothing (no JWT_SECRET needed).
  const db = await connectDatabase(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/bigtix-auth');
  try {
    const announced = await announceAllRegistrations(db.db!.collection('users'), {
      events: db.db!.collection('user_events'),
      nudgeOutbox: () => undefined,
    });
    process.stderr.write(`announce-users: ${announced} account(s) announced\n`);
  } finally {
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`announce-users: ${(err as Error).message}\n`);
    process.exit(2);
  },
);
