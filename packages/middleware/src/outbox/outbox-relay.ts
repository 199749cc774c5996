import type { Collection, Document } from 'mongodb';
import type { Logger } from '../logger';
import type { Publisher } from '../bus/publisher';
import type { OutboxRecord } from './outbox-record';

/** What to do with a pending record: publish it, leave it for later, or drop it (its change never happened). */
export type Readiness = 'publish' | 'wait' | 'abort';

export interface OutboxSource {
  collection: Collection<Document>;
  /** Decides whether a pending record's change is in place; absent means always publish. */
  readiness?: (record: OutboxRecord) => Promise<Readiness>;
}

/** The index every outbox collection has: the relay reads pending records through it. */
const PENDING_INDEX = { pending: 1, createdAt: 1 } as const;

/** Outbox records marked sent at once (each is one updateOne by _id). */
const MARK_CONCURRENCY = 16;

export interface OutboxRelayOptions {
  pollIntervalMs?: number;
  batchSize?: number;
}

/**
 * Publishes pending outbox records with publisher confirms, then marks them sent. It touches
 * only outbox records (never the documents other writers change). A crash between publish and
 * mark publishes again: consumers are idempotent. Safe with many replicas running at once.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly sources: OutboxSource[],
    private readonly publisher: Publisher,
    private readonly logger: Logger,
    private readonly options: OutboxRelayOptions = {},
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await Promise.all(this.sources.map((s) => s.collection.createIndex(PENDING_INDEX)));
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Asks for a pass soon: called right after a write so events go out without waiting for the poll. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /**
   * One pass over every source; returns how many records were published. Passes of one relay
   * never overlap: a call while a pass runs (a test or a caller draining on demand, beside the
   * scheduled pass) starts when that pass ends, since two overlapping passes read the same
   * pending records and both published them. Across replicas a record can still go out twice
   * (each replica's relay reads it before either marks it); consumers are idempotent for that.
   */
  runOnce(): Promise<number> {
    const pass = this.passes.then(() => this.passOverSources());
    this.passes = pass.catch(() => undefined);
    return pass;
  }

  private passes: Promise<unknown> = Promise.resolve();

  private async passOverSources(): Promise<number> {
    let published = 0;
    for (const source of this.sources) published += await this.drain(source);
    return published;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.tick().finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.schedule(0);
        } else {
          this.schedule(this.options.pollIntervalMs ?? 500);
        }
      });
    }, delay);
  }

  private async tick(): Promise<void> {
    if (!this.publisher.ready) return;
    try {
      const published = await this.runOnce();
      if (published > 0) this.again = true;
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'outbox pass failed; will retry');
    }
  }

  private async drain(source: OutboxSource): Promise<number> {
    // Oldest first without asking the database to sort: MongoDB walks the hinted
    // {pending, createdAt} index in createdAt order and stops after one page, while FerretDB
    // (which ignores hints and sorts in its own process after reading every match) returns its
    // natural order, roughly insertion order. A database sort there decoded and sorted the whole
    // backlog on every pass (seconds per pass of 200 after a 10,000-seat listing). The page is put
    // in order here so an aggregate's versions leave in order within a pass; across passes and
    // relays order was never guaranteed (consumers apply versions in order and hand back an
    // event that arrives before its predecessor: RetryLaterError).
    // The whole page in the first batch (the driver asks for one more than the limit), so the
    // server closes the cursor at once: an open FerretDB cursor holds a PostgreSQL connection
    // until it is exhausted or killed, and unsorted, nothing had exhausted it.
    const page = this.options.batchSize ?? 200;
    const pending = (
      (await source.collection
        .find({ pending: 1 })
        .hint(PENDING_INDEX)
        .limit(page)
        .batchSize(page)
        .toArray()) as unknown as OutboxRecord[]
    ).sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
    // Readiness is one read per record (VersionedStore: is the document at that version?), one
    // after another on purpose: 16 at a time made the relay compete with the writes that fill the
    // outbox (a 10,000-seat bulk listing took 11-12 s instead of 8).
    const ready: OutboxRecord[] = [];
    for (const record of pending) {
      const readiness = source.readiness ? await source.readiness(record) : 'publish';
      if (readiness === 'wait') continue;
      if (readiness === 'abort') {
        await source.collection.deleteOne({ _id: record._id as unknown as Document['_id'] });
        continue;
      }
      ready.push(record);
    }
    // Waiting for one confirm and one update per record capped the relay at ~30 records/s on
    // FerretDB. Messages go out in record order on the one confirm channel without waiting in
    // between (so an aggregate's versions still leave in order), then every confirmed record is
    // marked, a few updates at a time. A failed confirm leaves its record pending for the next pass.
    const confirmed = await Promise.allSettled(
      ready.map((record) => Promise.all(record.events.map((event) => this.publisher.publish(event)))),
    );
    const sent = ready.filter((_, i) => confirmed[i].status === 'fulfilled');
    for (let i = 0; i < sent.length; i += MARK_CONCURRENCY) {
      await Promise.all(
        sent
          .slice(i, i + MARK_CONCURRENCY)
          .map((record) =>
            source.collection.updateOne(
              { _id: record._id as unknown as Document['_id'] },
              { $set: { publishedAt: new Date() }, $unset: { pending: '' } },
            ),
          ),
      );
    }
    const failure = confirmed.find((c): c is PromiseRejectedResult => c.status === 'rejected');
    if (failure) throw failure.reason;
    const published = sent.length;
    return published;
  }
}
