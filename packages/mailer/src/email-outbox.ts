import { Logger, Worker, claim, periodicWorker } from '@bigtix/middleware';
import type { Collection, Db } from 'mongodb';
import type { Email } from './compose';
import type { MailTransport } from './transport';

/**
 * One email to send, keyed by the fact it tells (`password-reset:<tokenId>`,
 * `verify:<userId>:<n>`, `receipt:<orderId>`): the insert of that key is what makes a fact send
 * one email however often it is announced (a redelivered event, a retried request).
 */
export interface EmailDoc extends Email {
  _id: string;
  createdAt: Date;
  sentAt: Date | null;
  /** 1 while unsent, removed once sent (an integer FerretDB can index, as in the event outbox). */
  pending?: 1;
  attempts: number;
  lastError?: string;
}

/** One claim per (email, retry slot): at most one replica sends an email in a slot. */
interface AttemptDoc {
  _id: string;
  at: Date;
}

export interface EmailOutboxOptions {
  /**
   * Retry slot length. The replica that enqueued an email sends it at once; the worker retries
   * only emails older than one slot, and only in the first half of a slot, so a send (bounded by
   * SMTP timeouts well under half a slot) has ended before another replica can try again.
   */
  leaseMs?: number;
  intervalMs?: number;
}

export interface EnqueueResult {
  /** False when this fact's email was already written (nothing new was stored or sent). */
  created: boolean;
}

/**
 * The outbox of emails, one per service database (`emails`, `email_attempts`). `enqueue` stores
 * the email under its fact key and, when this call created it, tries to send it right away
 * without making the caller wait (a request's answer never depends on the SMTP server, nor
 * does its timing reveal whether an email was sent). The worker retries what is still unsent.
 * A crash between the SMTP server's acceptance and the mark re-sends that one email once.
 */
export class EmailOutbox {
  private readonly emails: Collection<EmailDoc>;
  private readonly attempts: Collection<AttemptDoc>;
  private readonly leaseMs: number;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    db: Db,
    private readonly transport: MailTransport,
    private readonly logger: Logger,
    private readonly options: EmailOutboxOptions = {},
  ) {
    this.emails = db.collection<EmailDoc>('emails');
    this.attempts = db.collection<AttemptDoc>('email_attempts');
    this.leaseMs = options.leaseMs ?? 60_000;
  }

  async ensureIndexes(): Promise<void> {
    await this.emails.createIndex({ pending: 1, createdAt: 1 });
    // Attempt claims only matter for one slot; FerretDB ignores TTL, so the worker also prunes.
    await this.attempts.createIndex({ at: 1 });
  }

  async enqueue(fact: string, email: Email): Promise<EnqueueResult> {
    const created = await claim(this.emails, fact, {
      ...email,
      createdAt: new Date(),
      sentAt: null,
      pending: 1,
      attempts: 0,
    });
    if (created) this.track(this.deliver(fact));
    return { created };
  }

  /** The stored email of a fact (tests and support). */
  find(fact: string): Promise<EmailDoc | null> {
    return this.emails.findOne({ _id: fact });
  }

  /** Retries unsent emails; add it to the service's workers. */
  worker(): Worker & { runOnce(): Promise<void> } {
    const loop = periodicWorker({
      what: 'email outbox',
      intervalMs: this.options.intervalMs ?? 5_000,
      logger: this.logger,
      run: (stopping) => this.retryPass(stopping),
    });
    return {
      ...loop,
      stop: async () => {
        await loop.stop();
        await Promise.allSettled([...this.inFlight]);
        this.transport.close();
      },
    };
  }

  private async retryPass(stopping: () => boolean): Promise<void> {
    const now = Date.now();
    const slot = Math.floor(now / this.leaseMs);
    if (now - slot * this.leaseMs > this.leaseMs / 2) return;
    const due = await this.emails
      .find({ pending: 1, createdAt: { $lt: new Date(slot * this.leaseMs - this.leaseMs) } })
      .sort({ createdAt: 1 })
      .limit(50)
      .toArray();
    for (const doc of due) {
      if (stopping()) return;
      if (!(await claim(this.attempts, `${doc._id}#${slot}`, { at: new Date() }))) continue;
      await this.deliver(doc._id);
    }
    await this.attempts.deleteMany({ at: { $lt: new Date(now - 10 * this.leaseMs) } });
  }

  private async deliver(fact: string): Promise<void> {
    const doc = await this.emails.findOne({ _id: fact });
    if (!doc || doc.sentAt) return;
    try {
      await this.transport.send({ to: doc.to, subject: doc.subject, text: doc.text, html: doc.html });
    } catch (err) {
      const message = (err as Error).message;
      this.logger.warn({ fact, err: message }, 'email not sent; the outbox will retry');
      await this.emails.updateOne({ _id: fact }, { $inc: { attempts: 1 }, $set: { lastError: message } });
      return;
    }
    // The body goes once sent: it may carry a single-use link (a reset token) that must not
    // outlive its email in the database; to, subject and sentAt stay as the record.
    await this.emails.updateOne(
      { _id: fact },
      {
        $set: { sentAt: new Date(), text: '', html: '' },
        $unset: { pending: '', lastError: '' },
        $inc: { attempts: 1 },
      },
    );
  }

  private track(p: Promise<void>): void {
    const tracked = p.catch((err) => this.logger.warn({ err: (err as Error).message }, 'email send failed'));
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }
}
