import type { Collection, Filter, OptionalUnlessRequiredId } from 'mongodb';
import { RetryLaterError } from '../bus/consumer';
import type { Versioned } from '../outbox/versioned-store';
import { claim, isDuplicateKeyError } from './claims';

/**
 * Where an incoming version of another service's aggregate stands against the replica's: the
 * one version rule (docs/ARCHITECTURE.md, "Data rules"). Only `have + 1` applies; older or equal
 * is a duplicate (acknowledge it); anything further is a gap (retry later, once the missing
 * versions have arrived). A replica that has never seen the aggregate has version 0.
 */
export type VersionVerdict = 'next' | 'duplicate' | 'gap';

export function versionVerdict(have: number, got: number): VersionVerdict {
  if (got <= have) return 'duplicate';
  return got === have + 1 ? 'next' : 'gap';
}

/** The claim of one version, `<id>@<version>`, carrying the state so a dead writer's version can be rolled forward. */
export interface ReplicaVersionDoc<T> {
  _id: string;
  aggregateId: string;
  version: number;
  state: T;
  createdAt: Date;
}

export interface ReplicaApplied<T> {
  /** True for the one caller that wrote this version; false for a duplicate or a roll-forward of another's. */
  applied: boolean;
  /** The replica as it was before this call. */
  previous: T | null;
}

export interface ReplicaStoreOptions {
  /** Names the aggregate in retry messages ("ticket t1: have version 2, got 4"). */
  what?: string;
  /** How long a claimed version may stay unwritten before another writer writes it. */
  rollForwardAfterMs?: number;
  /**
   * How long a delivery that lost a version's claim to a live writer waits for that write before
   * it is told to retry later (default 0: at once). A caller that handles several deliveries of
   * one version side by side and would rather answer "duplicate" than bounce one through the
   * retry queue sets it above `rollForwardAfterMs`, so even a dead writer's claim is written
   * within the wait.
   */
  awaitWriterMs?: number;
  now?: () => number;
}

/** Test seams: lets a test stall a writer between its claim and its write. */
export interface ReplicaApplyFaults {
  beforeWrite?: () => Promise<void>;
}

/**
 * A local copy of another service's aggregate, built from its events and applied strictly in
 * version order (`versionVerdict`). Each version is claimed as `<id>@<version>` in a versions
 * collection before the write, so two consumers never interleave writes of one aggregate (a
 * FerretDB conditional update is not atomic); the loser of a claim is told to retry later, and a
 * claim whose writer died is written by the next one after `rollForwardAfterMs`. A version is
 * written only over an older one, so a writer that stalled after its claim cannot take the
 * replica back once newer versions are in.
 *
 * Unlike `VersionedStore` (an aggregate the service owns and announces), a replica decides
 * nothing and announces nothing: its state is whatever the owner's event says.
 */
export class ReplicaStore<T extends Versioned> {
  constructor(
    readonly docs: Collection<T>,
    readonly versions: Collection<ReplicaVersionDoc<T>>,
    private readonly options: ReplicaStoreOptions = {},
  ) {}

  private get now(): number {
    return (this.options.now ?? Date.now)();
  }

  private get what(): string {
    return this.options.what ?? 'document';
  }

  async findById(id: string): Promise<T | null> {
    return (await this.docs.findOne({ _id: id } as Filter<T>)) as T | null;
  }

  /**
   * Applies version `version` of `id`, whose state `build` makes from the replica as it is (null
   * before version 1; the owner's event usually carries the whole state and ignores it). Throws
   * `RetryLaterError` for a gap, and while another writer holds this version's claim.
   */
  async apply(
    id: string,
    version: number,
    build: (current: T | null) => Omit<T, '_id' | 'version'>,
    faults: ReplicaApplyFaults = {},
  ): Promise<ReplicaApplied<T>> {
    if (version === 1) return this.create(id, build);
    const previous = await this.findById(id);
    const have = previous?.version ?? 0;
    const verdict = versionVerdict(have, version);
    if (verdict === 'duplicate') return { applied: false, previous };
    if (verdict === 'gap') throw new RetryLaterError(`${this.what} ${id}: have version ${have}, got ${version}`);

    const state = { ...build(previous), _id: id, version } as T;
    const key = replicaVersionKey(id, version);
    const record: Omit<ReplicaVersionDoc<T>, '_id'> = {
      aggregateId: id,
      version,
      state,
      createdAt: new Date(this.now),
    };
    if (await claim(this.versions, key, record)) {
      await faults.beforeWrite?.();
      await this.write(state);
      return { applied: true, previous };
    }
    return this.settle(id, version, key, previous);
  }

  /**
   * Another writer holds this version's claim. Let it write (waiting up to `awaitWriterMs` for
   * it); if it died, write its claimed state. The wait is counted in pauses slept, not read from
   * `now`, so a test's frozen clock cannot make it endless.
   */
  private async settle(id: string, version: number, key: string, previous: T | null): Promise<ReplicaApplied<T>> {
    let waited = 0;
    for (let round = 1; ; round++) {
      const claimed = await this.versions.findOne({ _id: key } as Filter<ReplicaVersionDoc<T>>);
      const current = await this.findById(id);
      if ((current?.version ?? 0) >= version) return { applied: false, previous };
      if (claimed && this.now - new Date(claimed.createdAt).getTime() >= (this.options.rollForwardAfterMs ?? 2_000)) {
        await this.write(claimed.state);
        return { applied: false, previous };
      }
      if (waited >= (this.options.awaitWriterMs ?? 0))
        throw new RetryLaterError(`${this.what} ${id} version ${version} is being applied`);
      const pause = Math.min(5 * round, 50);
      await new Promise((r) => setTimeout(r, pause));
      waited += pause;
    }
  }

  /**
   * Version 1 needs no claim: its insert is the decision (the unique `_id`), with nothing between
   * a claim and a write for another writer to interleave with, and a duplicate is refused by the
   * same key. One round trip instead of three, which is what a replica catching up on a bulk
   * listing of thousands of new aggregates spends its time on.
   */
  private async create(
    id: string,
    build: (current: T | null) => Omit<T, '_id' | 'version'>,
  ): Promise<ReplicaApplied<T>> {
    const state = { ...build(null), _id: id, version: 1 } as T;
    try {
      await this.docs.insertOne(state as OptionalUnlessRequiredId<T>);
      return { applied: true, previous: null };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      return { applied: false, previous: await this.findById(id) };
    }
  }

  /** Writes one version only over an older one (version 1 creates the document). */
  private async write(state: T): Promise<void> {
    try {
      await this.docs.replaceOne({ _id: state._id, version: { $lt: state.version } } as Filter<T>, state, {
        upsert: state.version === 1,
      });
    } catch (err) {
      // Version 1 already there (written by the writer we rolled forward for): nothing to do.
      if (!isDuplicateKeyError(err)) throw err;
    }
  }
}

/** The claim key of one replica version. */
const replicaVersionKey = (id: string, version: number): string => `${id}@${version}`;
