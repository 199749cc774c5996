import { isolate, waitFor } from '@bigtix/testkit';
import mongoose, { Connection } from 'mongoose';
import { RetryLaterError } from '../src/bus/consumer';
import { ReplicaStore, ReplicaStoreOptions, ReplicaVersionDoc, versionVerdict } from '../src/db/replica-store';

interface Seat {
  _id: string;
  version: number;
  price: number;
  /** Only the merge test uses it: what the versions before this one said. */
  history?: number[];
}

const iso = isolate('replica');
const connections: Connection[] = [];
let offsetMs = 0;

beforeAll(async () => {
  for (let i = 0; i < 4; i++) connections.push(await mongoose.createConnection(iso.mongoUrl('replica')).asPromise());
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await iso.cleanup();
});

const storeOn = (i: number, options: ReplicaStoreOptions = {}) =>
  new ReplicaStore<Seat>(
    connections[i % connections.length].db!.collection<Seat>('seats'),
    connections[i % connections.length].db!.collection<ReplicaVersionDoc<Seat>>('seat_versions'),
    { what: 'seat', now: () => Date.now() + offsetMs, ...options },
  );

const price = (p: number) => () => ({ price: p });
let n = 0;
const freshId = () => `seat-${++n}`;

/** A consumer's redelivery: apply again whenever it was told to retry later, until it is not. */
async function deliver(store: ReplicaStore<Seat>, id: string, version: number, p: number): Promise<boolean> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return (await store.apply(id, version, price(p))).applied;
    } catch (err) {
      if (!(err instanceof RetryLaterError) || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

describe('versionVerdict', () => {
  it('applies only the next version, acknowledges older and equal ones, and waits out a gap', () => {
    expect(versionVerdict(0, 1)).toBe('next');
    expect(versionVerdict(3, 4)).toBe('next');
    expect(versionVerdict(3, 3)).toBe('duplicate');
    expect(versionVerdict(3, 1)).toBe('duplicate');
    expect(versionVerdict(3, 5)).toBe('gap');
    expect(versionVerdict(0, 2)).toBe('gap');
  });
});

describe('ReplicaStore', () => {
  it('applies exactly the next version, and keeps what a version first said when it is replayed', async () => {
    const store = storeOn(0);
    const id = freshId();
    await expect(store.apply(id, 1, price(100))).resolves.toEqual({ applied: true, previous: null });
    await expect(store.apply(id, 2, price(200))).resolves.toMatchObject({ applied: true, previous: { version: 1 } });
    await expect(store.apply(id, 2, price(999))).resolves.toMatchObject({ applied: false, previous: { version: 2 } });
    await expect(store.apply(id, 1, price(999))).resolves.toMatchObject({ applied: false });
    expect(await store.findById(id)).toEqual({ _id: id, version: 2, price: 200 });
  });

  it('refuses a gap and a version before the first with RetryLaterError, and writes nothing', async () => {
    const store = storeOn(0);
    const id = freshId();
    await expect(store.apply(id, 2, price(200))).rejects.toThrow(
      new RetryLaterError(`seat ${id}: have version 0, got 2`),
    );
    expect(await store.findById(id)).toBeNull();
    await store.apply(id, 1, price(100));
    await expect(store.apply(id, 3, price(300))).rejects.toBeInstanceOf(RetryLaterError);
    expect(await store.findById(id)).toMatchObject({ version: 1, price: 100 });
    // Version 1's insert is its own decision: neither it nor the refused gap left a claim.
    expect(await store.versions.countDocuments({ aggregateId: id })).toBe(0);
  });

  it('builds a version from the replica as it is, for owners whose events carry only what changed', async () => {
    const store = storeOn(0);
    const id = freshId();
    const bump = (p: number) => (current: Seat | null) => ({
      price: p,
      history: [...(current?.history ?? []), ...(current ? [current.price] : [])],
    });
    await store.apply(id, 1, bump(100));
    await store.apply(id, 2, bump(200));
    await store.apply(id, 3, bump(300));
    expect(await store.findById(id)).toEqual({ _id: id, version: 3, price: 300, history: [100, 200] });
  });

  it('applies every version exactly once when each is delivered three times at once, shuffled, on four connections', async () => {
    const id = freshId();
    const sends = Array.from({ length: 8 }, (_, i) => i + 1)
      .flatMap((v) => [v, v, v])
      .sort(() => Math.random() - 0.5);
    const applied = await Promise.all(sends.map((v, i) => deliver(storeOn(i), id, v, v * 100)));
    expect(applied.filter(Boolean)).toHaveLength(8);
    expect(await storeOn(0).findById(id)).toEqual({ _id: id, version: 8, price: 800 });
    const claims = await storeOn(0).versions.find({ aggregateId: id }).sort({ version: 1 }).toArray();
    // One claim per version after the first (version 1 is decided by its insert).
    expect(claims.map((c) => [c._id, c.state.price])).toEqual(
      Array.from({ length: 7 }, (_, i) => [`${id}@${i + 2}`, (i + 2) * 100]),
    );
  });

  it("rolls a stalled writer's version forward, and the stalled writer never takes the replica back", async () => {
    const store = storeOn(0, { rollForwardAfterMs: 2_000 });
    const id = freshId();
    await store.apply(id, 1, price(100));
    let resume!: () => void;
    const stalled = new Promise<void>((r) => (resume = r));
    let claimed!: () => void;
    const hasClaimed = new Promise<void>((r) => (claimed = r));
    // Writer A claims version 2 and stalls before writing it (a GC pause, a slow database).
    const a = store.apply(id, 2, price(200), {
      beforeWrite: () => {
        claimed();
        return stalled;
      },
    });
    await hasClaimed;
    // While A's claim is young, another delivery of version 2 is told to come back later.
    await expect(storeOn(1).apply(id, 2, price(200))).rejects.toThrow(`seat ${id} version 2 is being applied`);
    expect(await store.findById(id)).toMatchObject({ version: 1 });
    // Long enough later, it writes A's claimed state, and version 3 is applied after it.
    offsetMs += 5_000;
    await expect(storeOn(1).apply(id, 2, price(250))).resolves.toMatchObject({ applied: false });
    expect(await store.findById(id)).toMatchObject({ version: 2, price: 200 });
    await expect(storeOn(2).apply(id, 3, price(300))).resolves.toMatchObject({ applied: true });
    // A finally writes its version 2: too late to change anything.
    resume();
    await expect(a).resolves.toMatchObject({ applied: true });
    expect(await store.findById(id)).toEqual({ _id: id, version: 3, price: 300 });
  });
  it('with awaitWriterMs, a delivery that lost the claim to a live writer waits for its write instead of retrying later', async () => {
    const store = storeOn(0);
    const id = freshId();
    await store.apply(id, 1, price(100));
    let resume!: () => void;
    const stalled = new Promise<void>((r) => (resume = r));
    let claimed!: () => void;
    const hasClaimed = new Promise<void>((r) => (claimed = r));
    const a = store.apply(id, 2, price(200), {
      beforeWrite: () => {
        claimed();
        return stalled;
      },
    });
    await hasClaimed;
    let settled = false;
    const waiting = storeOn(1, { awaitWriterMs: 10_000 });
    const reads = jest.spyOn(waiting.versions, 'findOne');
    const b = waiting.apply(id, 2, price(200)).finally(() => (settled = true));
    // B keeps looking at A's unwritten claim, and has not given up on it.
    await waitFor(() => reads.mock.calls.length >= 3, { what: 'B polling the claim' });
    expect(settled).toBe(false);
    resume();
    await expect(a).resolves.toMatchObject({ applied: true });
    await expect(b).resolves.toMatchObject({ applied: false });
    expect(await store.findById(id)).toEqual({ _id: id, version: 2, price: 200 });
  });

  it('with awaitWriterMs, ten deliveries of one version at once all answer, and exactly one applied it', async () => {
    const id = freshId();
    await storeOn(0).apply(id, 1, price(100));
    // Only the claim's winner runs beforeWrite: a slow write, so the others find the claim unwritten.
    const slowWrite = { beforeWrite: () => new Promise<void>((r) => setTimeout(r, 100)) };
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => storeOn(i, { awaitWriterMs: 3_000 }).apply(id, 2, price(200), slowWrite)),
    );
    expect(outcomes.filter((o) => o.applied)).toHaveLength(1);
    expect(await storeOn(0).findById(id)).toEqual({ _id: id, version: 2, price: 200 });
  });
});
