import { EventHandler, Logger, claim } from '@bigtix/middleware';
import type { Collection, Db } from 'mongodb';
import type { EmailContent } from './compose';
import type { Mailer } from './mailer';
import { Recipients } from './recipients';

/** An email to a user, before the user's address is looked up. */
export type Notification = Omit<EmailContent, 'to'>;

/**
 * A notification whose recipient's address had not arrived yet, keyed by its fact like the email
 * it becomes. `user.registered` (or the next notify of the fact) turns it into that email.
 */
export interface PendingNotificationDoc {
  _id: string;
  userId: string;
  content: Notification;
  createdAt: Date;
}

/** `enqueued`: this call stored the email; `already-sent`: the fact's email existed; `awaiting-address`: kept pending. */
export type NotifyOutcome = 'enqueued' | 'already-sent' | 'awaiting-address';

/**
 * Tells a user something by email, by user id, once per fact. The service calls it after the
 * fact's own work is done (a ticket sold, a refund booked), so the email never blocks or undoes
 * that work, and calls it again on a redelivery (the first delivery may have stopped before it):
 * the fact key makes every repeat store and send nothing.
 *
 * An address that has not arrived yet (auth's `user.registered` travels through another relay and
 * can be overtaken by the events of a first purchase) leaves the notification pending under its
 * fact key; the `user.registered` handler sends what waits for that user. No lost update between
 * the two: `notify` writes the pending record and then reads the address again, the handler
 * writes the address and then reads the pending records, so at least one of them sees the other.
 * A crash between a write and its read is retried by the event's redelivery, since each step is a
 * keyed insert that repeats harmlessly. Nothing else is needed (no polling worker).
 */
export class Notifier {
  private readonly pending: Collection<PendingNotificationDoc>;

  constructor(
    readonly mailer: Mailer,
    readonly recipients: Recipients,
    db: Db,
    readonly logger: Logger,
  ) {
    this.pending = db.collection<PendingNotificationDoc>('pending_notifications');
  }

  async ensureIndexes(): Promise<void> {
    await this.pending.createIndex({ userId: 1 });
  }

  async notify(fact: string, userId: string, content: Notification): Promise<NotifyOutcome> {
    const to = await this.recipients.addressOf(userId);
    if (to) return (await this.mailer.send(fact, { ...content, to })).created ? 'enqueued' : 'already-sent';
    await claim(this.pending, fact, { userId, content, createdAt: new Date() });
    if (!(await this.recipients.addressOf(userId))) {
      this.logger.info({ fact, userId }, 'email waits for the recipient address (user.registered)');
      return 'awaiting-address';
    }
    await this.sendPendingOf(userId);
    return 'enqueued';
  }

  /** The address arrived: remember it and send what waited for it. */
  async remember(userId: string, email: string, registeredAt?: Date): Promise<void> {
    if (!(await this.recipients.remember(userId, email, registeredAt))) {
      const known = await this.recipients.addressOf(userId);
      if (known !== email)
        this.logger.warn({ userId }, 'user.registered with another address than the known one; kept');
    }
    await this.sendPendingOf(userId);
  }

  /** The consumer handler for `user.registered` that every service sending email mounts. */
  onUserRegistered(): EventHandler<'user.registered'> {
    return (event) => this.remember(event.data.userId, event.data.email, new Date(event.data.registeredAt));
  }

  /** Notifications still waiting for an address (tests and support). */
  pendingFor(userId: string): Promise<PendingNotificationDoc[]> {
    return this.pending.find({ userId }).toArray();
  }

  private async sendPendingOf(userId: string): Promise<void> {
    const to = await this.recipients.addressOf(userId);
    if (!to) return;
    for (const doc of await this.pending.find({ userId }).toArray()) {
      await this.mailer.send(doc._id, { ...doc.content, to });
      // After the email is stored: a crash in between leaves a pending record whose send repeats nothing.
      await this.pending.deleteOne({ _id: doc._id });
    }
  }
}

/** A service's notifier over its mailer's database (`recipients`, `pending_notifications`). */
export async function createNotifier(mailer: Mailer, db: Db, logger: Logger): Promise<Notifier> {
  const notifier = new Notifier(mailer, new Recipients(db), db, logger);
  await notifier.ensureIndexes();
  return notifier;
}
