import { isolate } from '@bigtix/testkit';
import mongoose, { Connection } from 'mongoose';
import { makeEnvelope } from '../src/bus/envelope';
import { ChangeRecord, VersionedStore, VersionedStoreOptions } from '../src/outbox/versioned-store';

interface Counter {
  _id: string;
  version: number;
  count: number;
  touchedBy: string[];
}

const iso = isolate('vstore');
const connections: Connection[] = [];

beforeAll(async () => {
  for (let i = 0; i < 6; i++) connections.push(await mongoose.createConnection(iso.mongoUrl('vstore')).asPromise());
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await iso.cleanup();
});

const storeOn = (i: number, opts: VersionedStoreOptions = {}) =>
  new VersionedStore<Counter>(
    connections[i % connections.length].db!.collection<Counter>('counters'),
    connections[i % connections.length].db!.collection<ChangeRecord<Counter>>('counter_changes'),
    opts,
  );

const eventsFor = (next: Counter) => [
  makeEnvelope('ticket.updated', next.version, 'test', {
    id: next._id,
    title: 't',
    price: next.count + 1,
    currency: 'usd',
    eventId: 'e',
    userId: 'u',
    status: 'available',
    orderId: null,
    version: next.version,
  }),
];

it('loses no update when 30 writers on separate connections change one document at once', async () => {
  const [created] = await storeOn(0).createMany([{ _id: 'c1', version: 1, count: 0, touchedBy: [] }], eventsFor);
  expect(created.ok).toBe(true);
  await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      storeOn(i).change('c1', (current) => ({
        next: { ...current, count: current.count + 1, touchedBy: [...current.touchedBy, `w${i}`] },
        events: eventsFor,
      })),
    ),
  );
  const final = await storeOn(0).findById('c1');
  expect(final).toMatchObject({ count: 30, version: 31 });
  expect(new Set(final!.touchedBy).size).toBe(30);
  const changes = (await connections[0]
    .db!.collection('counter_changes')
    .find({ aggregateId: 'c1' })
    .sort({ version: 1 })
    .toArray()) as unknown as ChangeRecord<Counter>[];
  expect(changes.map((c) => c.version)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
  expect(
    changes.every((c) => c.events.length === 1 && c.events[0].version === c.version && c.publishedAt === null),
  ).toBe(true);
});

it('refuses duplicates through the unique index, per row, and keeps no change record for them', async () => {
  type Serial = Counter & { serial: string };
  const docs = connections[0].db!.collection<Serial>('uniq_docs');
  await docs.createIndex({ serial: 1 }, { unique: true });
  const store = new VersionedStore<Serial>(docs, connections[0].db!.collection<ChangeRecord<Serial>>('uniq_changes'));
  const results = await store.createMany(
    [
      { _id: 'a', version: 1, count: 0, touchedBy: [], serial: 'S1' },
      { _id: 'b', version: 1, count: 0, touchedBy: [], serial: 'S1' },
      { _id: 'c', version: 1, count: 0, touchedBy: [], serial: 'S2' },
    ],
    eventsFor,
  );
  expect(results.map((r) => r.ok)).toEqual([true, false, true]);
  expect(await connections[0].db!.collection('uniq_changes').countDocuments({})).toBe(2);
});

it('rolls forward a change whose writer died between its claim and its write', async () => {
  const store = storeOn(0, { rollForwardAfterMs: 200 });
  await store.createMany([{ _id: 'c2', version: 1, count: 0, touchedBy: [] }], eventsFor);
  // A writer claimed version 2 and crashed before writing the document.
  const orphan: ChangeRecord<Counter> = {
    _id: 'c2@2',
    aggregateId: 'c2',
    version: 2,
    state: { _id: 'c2', version: 2, count: 100, touchedBy: ['dead-writer'] },
    events: eventsFor({ _id: 'c2', version: 2, count: 100, touchedBy: [] }),
    createdAt: new Date(),
    publishedAt: null,
    pending: 1,
  };
  await connections[0].db!.collection('counter_changes').insertOne(orphan as never);
  const next = await store.change('c2', (current) => ({
    next: { ...current, count: current.count + 1 },
    events: eventsFor,
  }));
  expect(next).toMatchObject({ version: 3, count: 101 });
  expect((await store.findById('c2'))?.touchedBy).toEqual(['dead-writer']);
});

it('returns the document unchanged when the decision is to do nothing', async () => {
  const store = storeOn(0);
  await store.createMany([{ _id: 'c3', version: 1, count: 5, touchedBy: [] }], eventsFor);
  const same = await store.change('c3', () => null);
  expect(same).toMatchObject({ version: 1, count: 5 });
  expect(await store.change('missing', () => null)).toBeNull();
});

it('reads the state stored as any earlier version (what a change changed)', async () => {
  const store = storeOn(0);
  await store.createMany([{ _id: 'c4', version: 1, count: 1, touchedBy: [] }], eventsFor);
  await store.change('c4', (c) => ({ next: { ...c, count: 2 }, events: eventsFor }));
  expect(await store.stateAt('c4', 1)).toMatchObject({ version: 1, count: 1 });
  expect(await store.stateAt('c4', 2)).toMatchObject({ version: 2, count: 2 });
  expect(await store.stateAt('c4', 3)).toBeNull();
});

it('keeps rows the database stored but reported as duplicates (a FerretDB quirk under load)', async () => {
  const real = connections[0].db!.collection<Counter>('phantom_docs');
  // Stores every row, then reports row 1 as a duplicate, as FerretDB sometimes does.
  const quirky = new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === 'insertMany') {
        return async (docs: never[], options: never) => {
          await target.insertMany(docs, options);
          throw Object.assign(new Error('E11000 duplicate key'), {
            code: 11000,
            writeErrors: [{ index: 1, code: 11000 }],
          });
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  const store = new VersionedStore<Counter>(
    quirky,
    connections[0].db!.collection<ChangeRecord<Counter>>('phantom_changes'),
  );
  const results = await store.createMany(
    [
      { _id: 'p1', version: 1, count: 0, touchedBy: [] },
      { _id: 'p2', version: 1, count: 0, touchedBy: [] },
    ],
    eventsFor,
  );
  expect(results.map((r) => r.ok)).toEqual([true, true]);
  expect(await connections[0].db!.collection('phantom_changes').countDocuments({ pending: 1 })).toBe(2);
});

it('creates a document once when the same creation runs five times at once (a redelivered event)', async () => {
  const results = await Promise.all(
    Array.from({ length: 5 }, (_, i) =>
      storeOn(i).createMany([{ _id: 'same', version: 1, count: 0, touchedBy: [] }], eventsFor),
    ),
  );
  expect(results.flat().filter((r) => r.ok)).toHaveLength(1);
  expect(await connections[0].db!.collection('counter_changes').countDocuments({ aggregateId: 'same' })).toBe(1);
  expect(await connections[0].db!.collection('counters').countDocuments({ _id: 'same' as never })).toBe(1);
});

describe('onCommit', () => {
  const counting = (i: number, opts: VersionedStoreOptions = {}) => {
    const commits = { n: 0 };
    return { commits, store: storeOn(i, { ...opts, onCommit: () => (commits.n += 1) }) };
  };

  it('is called once per change stored, and not when the decision is to do nothing or the document is absent', async () => {
    const { store, commits } = counting(0);
    await store.createMany([{ _id: 'k1', version: 1, count: 0, touchedBy: [] }], eventsFor);
    expect(commits.n).toBe(1);
    await store.change('k1', (c) => ({ next: { ...c, count: 1 }, events: eventsFor }));
    expect(commits.n).toBe(2);
    await store.change('k1', () => null);
    await store.change('k1-missing', (c) => ({ next: c, events: eventsFor }));
    expect(commits.n).toBe(2);
  });

  it('is called once per createMany that stored a row, and not for one whose rows were all refused', async () => {
    const { store, commits } = counting(0);
    await store.createMany(
      [
        { _id: 'k2', version: 1, count: 0, touchedBy: [] },
        { _id: 'k3', version: 1, count: 0, touchedBy: [] },
      ],
      eventsFor,
    );
    expect(commits.n).toBe(1);
    const again = await store.createMany([{ _id: 'k2', version: 1, count: 0, touchedBy: [] }], eventsFor);
    expect(again.map((r) => r.ok)).toEqual([false]);
    expect(commits.n).toBe(1);
    await store.createMany([], eventsFor);
    expect(commits.n).toBe(1);
  });

  it('is called by each writer for its own change only, however many claims it lost on the way', async () => {
    await storeOn(0).createMany([{ _id: 'k4', version: 1, count: 0, touchedBy: [] }], eventsFor);
    const writers = Array.from({ length: 10 }, (_, i) => counting(i));
    await Promise.all(
      writers.map(({ store }) =>
        store.change('k4', (c) => ({ next: { ...c, count: c.count + 1 }, events: eventsFor })),
      ),
    );
    expect((await storeOn(0).findById('k4'))?.count).toBe(10);
    expect(writers.map(({ commits }) => commits.n)).toEqual(Array.from({ length: 10 }, () => 1));
  });

  it('is called when a writer rolled forward a dead writer’s claim, and again for its own change', async () => {
    const { store, commits } = counting(0, { rollForwardAfterMs: 200 });
    await storeOn(0).createMany([{ _id: 'k5', version: 1, count: 0, touchedBy: [] }], eventsFor);
    const orphan: ChangeRecord<Counter> = {
      _id: 'k5@2',
      aggregateId: 'k5',
      version: 2,
      state: { _id: 'k5', version: 2, count: 100, touchedBy: ['dead-writer'] },
      events: eventsFor({ _id: 'k5', version: 2, count: 100, touchedBy: [] }),
      createdAt: new Date(),
      publishedAt: null,
      pending: 1,
    };
    await connections[0].db!.collection<ChangeRecord<Counter>>('counter_changes').insertOne(orphan);
    await store.change('k5', (c) => ({ next: { ...c, count: c.count + 1 }, events: eventsFor }));
    expect(await store.findById('k5')).toMatchObject({ version: 3, count: 101 });
    expect(commits.n).toBe(2);
  });
});

describe('readinessMany (the relay’s page-wise readiness)', () => {
  const claimOf = (state: Counter, createdAt: Date): ChangeRecord<Counter> => ({
    _id: `${state._id}@${state.version}`,
    aggregateId: state._id,
    version: state.version,
    state,
    events: eventsFor(state),
    createdAt,
    publishedAt: null,
    pending: 1,
  });

  it('answers a page with one read of its documents when every change is in place', async () => {
    const store = storeOn(0);
    await store.createMany(
      Array.from({ length: 5 }, (_, i) => ({ _id: `rm-${i}`, version: 1, count: i, touchedBy: [] })),
      eventsFor,
    );
    await store.change('rm-0', (c) => ({ next: { ...c, count: 10 }, events: eventsFor }));
    const records = (await connections[0]
      .db!.collection('counter_changes')
      .find({ aggregateId: { $in: ['rm-0', 'rm-1', 'rm-2', 'rm-3', 'rm-4'] } })
      .toArray()) as unknown as ChangeRecord<Counter>[];
    expect(records).toHaveLength(6);
    let reads = 0;
    const docs = new Proxy(connections[0].db!.collection('counters'), {
      get(target, prop, receiver) {
        if (prop === 'find' || prop === 'findOne') reads++;
        return Reflect.get(target, prop, receiver);
      },
    });
    const counting = new VersionedStore<Counter>(docs, connections[0].db!.collection('counter_changes'));
    expect(await counting.outboxSource().readinessMany!(records)).toEqual(records.map(() => 'publish'));
    expect(reads).toBe(1);
    expect(await counting.outboxSource().readinessMany!([])).toEqual([]);
    expect(reads).toBe(1);
  });

  it('waits for a young claim, rolls old ones forward in version order, and aborts one the document can never take', async () => {
    const docs = connections[0].db!.collection('rm_docs');
    const changes = connections[0].db!.collection('rm_changes');
    await docs.createIndex({ serial: 1 }, { unique: true });
    type Serial = Counter & { serial: string };
    const store = new VersionedStore<Serial>(docs, changes, { rollForwardAfterMs: 60_000 });
    const s = (id: string, version: number, count: number, serial = `S-${id}`): Serial => ({
      _id: id,
      version,
      count,
      touchedBy: [],
      serial,
    });
    await store.createMany([s('done', 1, 0), s('young', 1, 0), s('old', 1, 0), s('taken', 1, 0)], eventsFor);
    const longAgo = new Date(Date.now() - 120_000);
    const page = [
      claimOf(s('done', 1, 0), longAgo), // its document is there: publish
      claimOf(s('young', 2, 1), new Date()), // its writer may still write it: wait
      claimOf(s('old', 2, 2), longAgo), // its writer died: rolled forward, then v3 on top of it
      claimOf(s('old', 3, 3), longAgo),
      claimOf(s('gone', 1, 0, 'S-taken'), longAgo), // a create the unique serial refuses forever: abort
    ] as unknown as ChangeRecord<Counter>[];
    await changes.insertMany(page.slice(1) as never[]);

    expect(await store.outboxSource().readinessMany!(page)).toEqual(['publish', 'wait', 'publish', 'publish', 'abort']);
    expect(await store.findById('old')).toMatchObject({ version: 3, count: 3 });
    expect(await store.findById('young')).toMatchObject({ version: 1, count: 0 });
    expect(await store.findById('gone')).toBeNull();
    // The same verdicts, record by record, as the relay's per-record path gives now.
    const one = store.outboxSource().readiness!;
    const again = [];
    for (const r of page) again.push(await one(r));
    expect(again).toEqual(['publish', 'wait', 'publish', 'publish', 'abort']);
  });
});
