import { randomUUID } from 'node:crypto';
import { Envelope } from '@bigtix/common';
import type { Collection, Filter, OptionalUnlessRequiredId } from 'mongodb';
import { isDuplicateKeyError } from '../db/claims';
import { untypedCollection } from '../db/typed-collection';
import type { OutboxRecord } from './outbox-record';
import type { OutboxSource, Readiness } from './outbox-relay';

export interface Versioned {
  _id: string;
  version: number;
}

/** One versioned change: the claim `<id>@<version>` that decided it, with the new state and its events. */
export interface ChangeRecord<T> extends OutboxRecord {
  aggregateId: string;
  version: number;
  state: T;
  /** Which createMany call wrote it (tells our own insert from a concurrent one's when FerretDB's answer is unclear). */
  writer?: string;
}

export type EventsOf<T> = (next: T) => Envelope[];

export interface Decision<T> {
  next: Omit<T, 'version'>;
  events: EventsOf<T>;
}

export interface VersionedStoreOptions {
  /** How long a claimed change may stay unapplied before another writer rolls it forward. */
  rollForwardAfterMs?: number;
  maxAttempts?: number;
  now?: () => number;
  /**
   * Called once a `change` or `createMany` has stored something new (a change record and its
   * document), e.g. to wake the outbox relay; not when `decide` returned null, nor for a claim
   * lost to another writer (that writer calls its own). Also after this writer rolled forward a
   * dead writer's claim, which made that record publishable.
   */
  onCommit?: () => void;
}

/** The `_id` filter of a collection whose documents have string ids (the driver cannot resolve `Filter<T>` for a generic T). */
const byId = <D extends { _id: string }>(id: string): Filter<D> => ({ _id: id }) as Filter<D>;

/**
 * Inserts documents with fresh `_id`s unordered and returns the indexes refused by a unique
 * index. FerretDB (PostgreSQL backend) sometimes reports 11000 for a row of an unordered
 * insertMany that it did store (seen in bulk listing: 2–10 of 10,000 fresh rows), so a reported
 * duplicate is looked up by `_id` and counts as stored when `isOurs` recognises what is there.
 */
async function insertManyUnordered<D extends { _id: string }>(
  collection: Collection<D>,
  docs: D[],
  isOurs: (found: D) => boolean,
): Promise<Set<number>> {
  if (docs.length === 0) return new Set();
  const refused = new Set<number>();
  try {
    await collection.insertMany(docs as OptionalUnlessRequiredId<D>[], { ordered: false });
    return refused;
  } catch (err) {
    const writeErrors = (err as { writeErrors?: { index: number; code: number }[] | { index: number; code: number } })
      .writeErrors;
    if (!writeErrors) {
      if (!isDuplicateKeyError(err) || docs.length !== 1) throw err;
      refused.add(0);
    } else {
      for (const we of Array.isArray(writeErrors) ? writeErrors : [writeErrors]) {
        if (we.code !== 11000) throw err;
        refused.add(we.index);
      }
    }
  }
  // By _id, 32 at a time: chosen when the dev FerretDB evaluated an `$in` itself over the whole
  // collection. Its build now pushes a string `$in` down (tools/dev-db/ferretdb-patches), so one
  // `$in` read would serve; not changed until the bulk re-send bench says it is no slower.
  const indexes = [...refused];
  for (let i = 0; i < indexes.length; i += 32) {
    const batch = indexes.slice(i, i + 32);
    const found = (await Promise.all(
      batch.map((index) => collection.findOne(byId<D>(docs[index]._id))),
    )) as (D | null)[];
    batch.forEach((index, j) => {
      const doc = found[j];
      if (doc && isOurs(doc)) refused.delete(index);
    });
  }
  return refused;
}

/** The claim key of one version of a document. */
const changeKey = (id: string, version: number): string => `${id}@${version}`;

/** Thrown when a document kept changing under us more times than we were willing to retry. */
export class ContendedError extends Error {}

/**
 * Read-modify-write of documents that several writers touch, correct on FerretDB where a
 * conditional update is not atomic. Each change to version v+1 is first claimed by inserting
 * the unique key `<id>@<v+1>` into the changes collection: exactly one writer wins it. The
 * claim carries the new state and the events announcing it (so it is also the outbox record);
 * the winner then writes the document. A loser re-reads and decides again on the new state.
 * If a winner dies between its claim and its write, the next writer (or the relay) rolls the
 * claimed state forward, so nothing claimed is ever lost.
 *
 * Both collections are typed (`Collection<T>` for the documents, `Collection<ChangeRecord<T>>`
 * for the changes); `findById` is the read. `options.onCommit` runs after every write that
 * stored something new, which is where a service wakes its outbox relay.
 */
export class VersionedStore<T extends Versioned> {
  constructor(
    readonly docs: Collection<T>,
    readonly changes: Collection<ChangeRecord<T>>,
    readonly options: VersionedStoreOptions = {},
  ) {}

  private get now(): number {
    return (this.options.now ?? Date.now)();
  }

  async ensureIndexes(): Promise<void> {
    await this.changes.createIndex({ aggregateId: 1, version: 1 });
  }

  /**
   * Creates documents at version 1. Returns, per input, either the stored doc or the duplicate-key
   * error that refused it (a unique index on the documents decides, e.g. one serial per event).
   */
  async createMany(docs: T[], events: EventsOf<T>): Promise<({ ok: true; doc: T } | { ok: false; duplicate: true })[]> {
    if (docs.length === 0) return [];
    const now = new Date(this.now);
    const records: ChangeRecord<T>[] = docs.map((doc) => ({
      _id: changeKey(doc._id, doc.version),
      aggregateId: doc._id,
      version: doc.version,
      state: doc,
      events: events(doc),
      createdAt: now,
      publishedAt: null,
      pending: 1,
    }));
    // Change records first: their key `<id>@<version>` decides who creates a document (two
    // consumers applying one event at once race here), and the writer token tells our own
    // insert from a concurrent one when the database's answer is unclear.
    const writer = randomUUID();
    const withWriter = records.map((r) => ({ ...r, writer }));
    const refusedRecords = await insertManyUnordered(this.changes, withWriter, (found) => found.writer === writer);
    const toInsert = docs.map((doc, i) => ({ doc, i })).filter(({ i }) => !refusedRecords.has(i));
    const refusedDocs = await insertManyUnordered(
      this.docs,
      toInsert.map(({ doc }) => doc),
      // We own the change record, so a document with our _id is ours (or our roll-forward).
      () => true,
    );
    const failed = new Set<number>([...refusedRecords, ...[...refusedDocs].map((j) => toInsert[j].i)]);
    const ownRecordsToDrop = [...refusedDocs].map((j) => records[toInsert[j].i]._id);
    // One by _id, a few at a time: unpatched, FerretDB evaluated `$in` itself over the whole
    // changes collection (a re-run of a 1000-row bulk listing took minutes that way); see above.
    for (let i = 0; i < ownRecordsToDrop.length; i += 32) {
      await Promise.all(ownRecordsToDrop.slice(i, i + 32).map((id) => this.changes.deleteOne(byId(id))));
    }
    if (failed.size < docs.length) this.committed();
    return docs.map((doc, i) =>
      failed.has(i) ? { ok: false as const, duplicate: true as const } : { ok: true as const, doc },
    );
  }

  /** True once version `version` of `id` is claimed (it exists, or the relay will roll it forward). */
  async hasChange(id: string, version: number): Promise<boolean> {
    return (await this.changes.findOne(byId(changeKey(id, version)))) !== null;
  }

  /** The state stored as version `version` of `id` (its change record), or null (e.g. to tell what a change changed). */
  async stateAt(id: string, version: number): Promise<T | null> {
    const record = await this.changes.findOne(byId(changeKey(id, version)));
    return record?.state ?? null;
  }

  /** The document as stored now, or null. */
  async findById(id: string): Promise<T | null> {
    return (await this.docs.findOne(byId(id))) as T | null;
  }

  /**
   * Applies `decide` to the current document and stores the result as the next version.
   * `decide` returns null for "nothing to do" and may throw a domain error to refuse.
   * Returns the stored document (unchanged when `decide` returned null), or null if absent.
   */
  async change(id: string, decide: (current: T) => Decision<T> | null): Promise<T | null> {
    const maxAttempts = this.options.maxAttempts ?? 50;
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const current = await this.findById(id);
      if (!current) return null;
      const decision = decide(current);
      if (!decision) return current;
      const next = { ...decision.next, _id: id, version: current.version + 1 } as T;
      const record: ChangeRecord<T> = {
        _id: changeKey(id, next.version),
        aggregateId: id,
        version: next.version,
        state: next,
        events: decision.events(next),
        createdAt: new Date(this.now),
        publishedAt: null,
        pending: 1,
      };
      try {
        await this.changes.insertOne(record as OptionalUnlessRequiredId<ChangeRecord<T>>);
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        if (await this.settle(id, next.version, attempt)) this.committed();
        continue;
      }
      await this.apply(next);
      this.committed();
      return next;
    }
    throw new ContendedError(`document ${id} is changing too often; try again`);
  }

  /** The relay's view: publish a change once its document reached that version. */
  outboxSource(): OutboxSource {
    return {
      collection: untypedCollection(this.changes),
      readiness: (record) => this.readiness(record as ChangeRecord<T>),
      readinessMany: (records) => this.readinessMany(records as ChangeRecord<T>[]),
    };
  }

  /**
   * `readiness` for a page of records with one read of their documents' versions (an `$in` of
   * `_id`s: an index read on MongoDB and on the dev FerretDB, whose patch pushes it down), then
   * the same `verdict` as `readiness`: a record whose document is behind waits, or is rolled
   * forward once its writer had `rollForwardAfterMs`, one at a time in page order, so an
   * aggregate's claims roll forward in version order.
   */
  private async readinessMany(records: ChangeRecord<T>[]): Promise<Readiness[]> {
    if (records.length === 0) return [];
    const ids = [...new Set(records.map((r) => r.aggregateId))];
    const docs = await this.docs
      .find({ _id: { $in: ids } } as Filter<T>, { projection: { version: 1 } })
      // All in the first batch, so the server closes the cursor at once (see the relay's read).
      .limit(ids.length)
      .batchSize(ids.length)
      .toArray();
    const versions = new Map(docs.map((d) => [String(d._id), d.version]));
    const verdicts: Readiness[] = [];
    for (const record of records) verdicts.push(await this.verdict(record, versions.get(record.aggregateId)));
    return verdicts;
  }

  private async readiness(record: ChangeRecord<T>): Promise<Readiness> {
    return this.verdict(record, (await this.findById(record.aggregateId))?.version);
  }

  /**
   * Publish once the document has reached the record's version. A younger claim may still be
   * written by its writer (wait); an older one is rolled forward here (a roll-forward is a
   * conditional write, so a document that got there meanwhile is left as it is).
   */
  private async verdict(record: ChangeRecord<T>, documentVersion: number | undefined): Promise<Readiness> {
    if (documentVersion !== undefined && documentVersion >= record.version) return 'publish';
    if (this.now - new Date(record.createdAt).getTime() < (this.options.rollForwardAfterMs ?? 2_000)) return 'wait';
    return (await this.rollForward(record)) ? 'publish' : 'abort';
  }

  private committed(): void {
    this.options.onCommit?.();
  }

  /**
   * Someone else claimed `version`: wait for their write, or roll their claim forward if they
   * died. True when this call wrote their claimed state (it is publishable now).
   */
  private async settle(id: string, version: number, attempt: number): Promise<boolean> {
    const deadline = this.now + (this.options.rollForwardAfterMs ?? 2_000);
    while (this.now < deadline) {
      const doc = await this.findById(id);
      if (!doc || doc.version >= version) return false;
      await new Promise((r) => setTimeout(r, Math.min(5 * (attempt + 1), 50)));
    }
    const record = await this.changes.findOne(byId(changeKey(id, version)));
    return record ? this.rollForward(record) : false;
  }

  /** Writes a claimed state that its writer never wrote. False if the document can never take it. */
  private async rollForward(record: ChangeRecord<T>): Promise<boolean> {
    try {
      await this.docs.replaceOne(
        { _id: record.aggregateId, version: { $lt: record.version } } as Filter<T>,
        record.state,
        {
          upsert: record.version === 1,
        },
      );
      return true;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // Either its writer got there meanwhile (fine) or a unique index refuses the document.
      const doc = await this.findById(record.aggregateId);
      return doc !== null && doc.version >= record.version;
    }
  }

  private async apply(next: T): Promise<void> {
    await this.docs.replaceOne({ _id: next._id, version: next.version - 1 } as Filter<T>, next);
  }
}
