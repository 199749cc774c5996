// How fast an outbox relay drains a backlog (a 10,000-seat listing writes 10,000 records at
// once): BACKLOG pending records in a scratch database, drained by the real OutboxRelay through
// a real RabbitMQ publisher, pass by pass. Before the drain, the relay's read is timed both ways
// on the full backlog: the database sort it used to ask for (`sort({createdAt: 1})`, which
// FerretDB runs in its own process after reading every pending record) and the hinted index
// read it does now (one batch, sorted in memory). With BENCH_OUTBOX_SOURCE=versioned the records
// are a VersionedStore's change records with their documents written, drained through its
// outboxSource(), so each pass also decides readiness (as the tickets service's relay does).
// Not part of run-all (no stack needed):
//   node bench/dist/outbox-backlog.js            (BENCH_BACKLOG, default 7000; BENCH_OUTBOX_SOURCE=plain|versioned)
import {
  BusConnection,
  OutboxRelay,
  OutboxSource,
  Publisher,
  Versioned,
  VersionedStore,
  createLogger,
  typedCollection,
  makeEnvelope,
  outboxFields,
} from '@bigtix/middleware';
import { MongoClient } from 'mongodb';
import os from 'node:os';

const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 7_000);
const BATCH = 200;
const MONGO = process.env.BENCH_MONGO_BASE ?? 'mongodb://127.0.0.1:27017';
const RABBIT = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const VERSIONED = process.env.BENCH_OUTBOX_SOURCE === 'versioned';

async function main(): Promise<void> {
  const load = () => os.loadavg()[0].toFixed(1);
  const name = `bench-outbox-${Date.now().toString(36)}`;
  const client = await MongoClient.connect(MONGO);
  const col = client.db(name).collection('ticket_changes');
  const docs = client.db(name).collection('tickets');
  const source: OutboxSource = VERSIONED
    ? new VersionedStore<Versioned>(typedCollection(docs), typedCollection(col)).outboxSource()
    : { collection: col };
  const logger = createLogger('outbox-backlog', 'warn');
  const bus = new BusConnection(RABBIT, logger);
  const publisher = new Publisher(bus, `bigtix.${name}`);
  await publisher.start();
  await bus.start();
  const relay = new OutboxRelay([source], publisher, logger, { batchSize: BATCH });
  const loadBefore = load();
  try {
    await col.createIndex({ pending: 1, createdAt: 1 });
    const start = Date.now();
    for (let i = 0; i < BACKLOG; i += 1000) {
      const rows = Array.from({ length: Math.min(1000, BACKLOG - i) }, (_, k) => {
        const n = i + k;
        const event = makeEnvelope('ticket.created', 1, 'tickets', {
          id: `t${n}`,
          title: `Seat ${n}`,
          price: 5_000,
          currency: 'usd',
          eventId: 'bench-event',
          userId: 'bench-seller',
          status: 'available',
          orderId: null,
          version: 1,
        });
        return {
          _id: `t${n}@1`,
          ...(VERSIONED ? { aggregateId: `t${n}`, version: 1, state: { _id: `t${n}`, version: 1 } } : {}),
          ...outboxFields([event], new Date(start + n)),
        } as never;
      });
      await col.insertMany(rows);
      if (VERSIONED) await docs.insertMany(rows.map((r: { state: object }) => r.state as never));
    }
    const readMs = { sorted: [] as number[], hinted: [] as number[] };
    for (let round = 0; round < 3; round++) {
      let t = performance.now();
      await col.find({ pending: 1 }).sort({ createdAt: 1 }).limit(BATCH).toArray();
      readMs.sorted.push(performance.now() - t);
      t = performance.now();
      await col.find({ pending: 1 }).hint({ pending: 1, createdAt: 1 }).limit(BATCH).toArray();
      readMs.hinted.push(performance.now() - t);
    }
    const passes: number[] = [];
    const drainStart = performance.now();
    for (;;) {
      const t = performance.now();
      const published = await relay.runOnce();
      if (published === 0) break;
      passes.push(performance.now() - t);
    }
    const drainMs = performance.now() - drainStart;
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const fmt = (ms: number) => Math.round(ms).toLocaleString('en-US');
    process.stdout.write(
      [
        `Outbox backlog of ${BACKLOG.toLocaleString('en-US')} pending records (batch ${BATCH}, ${VERSIONED ? 'VersionedStore source' : 'plain source'}), load average ${loadBefore} → ${load()}`,
        '',
        '| measure | ms |',
        '|---|---|',
        `| read one batch, database sort (before), median of 3 | ${fmt(med(readMs.sorted))} (${readMs.sorted.map(fmt).join(', ')}) |`,
        `| read one batch, hinted index (now), median of 3 | ${fmt(med(readMs.hinted))} (${readMs.hinted.map(fmt).join(', ')}) |`,
        `| one relay pass (read, publish with confirms, mark), median of ${passes.length} | ${fmt(med(passes))} |`,
        `| whole backlog drained | ${fmt(drainMs)} (${Math.round((BACKLOG / drainMs) * 1000)} records/s) |`,
        '',
      ].join('\n'),
    );
  } finally {
    await client.db(name).dropDatabase();
    await client.close();
    await bus.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`[outbox-backlog] failed: ${(err as Error).stack ?? err}`);
    process.exit(1);
  },
);
