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
  /**
   * The same decision for a whole page at once (one answer per record, in order), for a source
   * that can make it in fewer round trips than one per record; the relay prefers it to `readiness`.
   */
  readinessMany?: (records: OutboxRecord[]) => Promise<Readiness[]>;
}

/** The index every outbox collection has: the relay reads pending records through it. */
const PENDING_INDEX = { pending: 1, createdAt: 1 } as const;

/**
 * Records marked sent by one `updateMany`; a page's updates run side by side. FerretDB updates
 * the documents an `updateMany` matches one after another, each in its own PostgreSQL
 * transaction, so a page of 200 in one command took 0.4-0.7 s on a quiet machine and in four of
 * 50 side by side 0.3-0.35 s (16 `updateOne`s at a time: 0.6-0.7 s).
 */
const MARK_CHUNK = 50;

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
    // A page costs a fixed number of commands, not a few per record: on FerretDB every command
    // is ~1-1.5 ms even through an index, so a readiness read and a mark per record held a
    // 10,000-record backlog back 20-30 s. Readiness for the whole page is one read where the
    // source can (VersionedStore: one `$in` of the aggregates); otherwise one read per record,
    // one after another on purpose: 16 at a time made the relay compete with the writes that
    // fill the outbox (a 10,000-seat bulk listing took 11-12 s instead of 8).
    const verdicts = await this.readinessOf(source, pending);
    const ready = pending.filter((_, i) => verdicts[i] === 'publish');
    const aborted = pending.filter((_, i) => verdicts[i] === 'abort').map((record) => record._id);
    if (aborted.length > 0) await source.collection.deleteMany({ _id: { $in: aborted } } as Document);
    // Messages go out in record order on the one confirm channel without waiting in between (so
    // an aggregate's versions still leave in order), then every confirmed record is marked with
    // an `updateMany` per MARK_CHUNK records, side by side. A failed confirm leaves its record
    // pending for the next pass.
    const confirmed = await Promise.allSettled(
      ready.map((record) => Promise.all(record.events.map((event) => this.publisher.publish(event)))),
    );
    const sent = ready.filter((_, i) => confirmed[i].status === 'fulfilled').map((record) => record._id);
    const marks: Promise<unknown>[] = [];
    for (let i = 0; i < sent.length; i += MARK_CHUNK)
      marks.push(
        source.collection.updateMany({ _id: { $in: sent.slice(i, i + MARK_CHUNK) } } as Document, {
          $set: { publishedAt: new Date() },
          $unset: { pending: '' },
        }),
      );
    await Promise.all(marks);
    const failure = confirmed.find((c): c is PromiseRejectedResult => c.status === 'rejected');
    if (failure) throw failure.reason;
    return sent.length;
  }

  private async readinessOf(source: OutboxSource, pending: OutboxRecord[]): Promise<Readiness[]> {
    if (pending.length === 0) return [];
    if (source.readinessMany) {
      const verdicts = await source.readinessMany(pending);
      if (verdicts.length !== pending.length)
        throw new Error(`readinessMany answered ${verdicts.length} verdicts for ${pending.length} records`);
      return verdicts;
    }
    const verdicts: Readiness[] = [];
    for (const record of pending) verdicts.push(source.readiness ? await source.readiness(record) : 'publish');
    return verdicts;
  }
}
