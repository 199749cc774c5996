import { claim } from '@bigtix/middleware';
import type { Collection, Db } from 'mongodb';

/** One user's address as auth announced it (`user.registered`), keyed by the user id. */
export interface RecipientDoc {
  _id: string;
  email: string;
  registeredAt: Date;
}

/**
 * The address book of a service that emails people: a replica of the addresses auth announces,
 * in the service's own `recipients` collection. Other services know users only by id; this is
 * the one place an id becomes an address. Sign-up is the only way an address is set today (auth
 * has no route to change it), so the first announcement of a user is the address for good and a
 * redelivery of it changes nothing.
 */
export class Recipients {
  readonly docs: Collection<RecipientDoc>;

  constructor(db: Db) {
    this.docs = db.collection<RecipientDoc>('recipients');
  }

  /** Idempotent: true when this call stored the address, false when it was already known. */
  remember(userId: string, email: string, registeredAt = new Date()): Promise<boolean> {
    return claim(this.docs, userId, { email, registeredAt });
  }

  async addressOf(userId: string): Promise<string | null> {
    return (await this.docs.findOne({ _id: userId }))?.email ?? null;
  }
}
