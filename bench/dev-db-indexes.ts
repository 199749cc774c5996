// What tools/dev-db/gin-indexes.sql buys: findOne latency on 20,000 documents, one client, one
// query at a time, on a FerretDB without it and one with it (interleaved rounds, so a noisy
// patch of the shared machine hits both). Not part of run-all: it needs two FerretDB instances,
// e.g. a private one from ensure-dev-db.sh and one started straight from the binary:
//   BENCH_MONGO_PLAIN=mongodb://127.0.0.1:27218 BENCH_MONGO_INDEXED=mongodb://127.0.0.1:27217 \
//     node bench/dist/dev-db-indexes.js
import { MongoClient } from 'mongodb';

const DOCS = 20_000;
const ROUNDS = 5;
const PER_ROUND = 100;

async function main(): Promise<void> {
  const urls = { plain: process.env.BENCH_MONGO_PLAIN, indexed: process.env.BENCH_MONGO_INDEXED };
  if (!urls.plain || !urls.indexed) throw new Error('set BENCH_MONGO_PLAIN and BENCH_MONGO_INDEXED');
  const dbName = `bench-dev-db-indexes-${Date.now().toString(36)}`;
  const targets = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const client = await MongoClient.connect(url!);
      const col = client.db(dbName).collection<{ _id: string; sellerId: string; price: number }>('tickets');
      await col.createIndex({ sellerId: 1 });
      for (let i = 0; i < DOCS; i += 1000)
        await col.insertMany(
          Array.from({ length: 1000 }, (_, k) => ({ _id: `id${i + k}`, sellerId: `s${i + k}`, price: i + k })),
        );
      return { name, client, col, ms: { _id: [] as number[], sellerId: [] as number[] } };
    }),
  );
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const t of targets) {
        for (const field of ['_id', 'sellerId'] as const) {
          const started = performance.now();
          for (let i = 0; i < PER_ROUND; i++) {
            const n = (round * 7919 + i * 97) % DOCS;
            await t.col.findOne(field === '_id' ? { _id: `id${n}` } : { sellerId: `s${n}` });
          }
          t.ms[field].push((performance.now() - started) / PER_ROUND);
        }
      }
    }
  } finally {
    for (const t of targets) {
      await t.client.db(dbName).dropDatabase();
      await t.client.close();
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const cell = (xs: number[]) => `${med(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
  process.stdout.write(
    [
      `findOne on ${DOCS.toLocaleString('en-US')} documents, ms per query: median (min–max) of ${ROUNDS} rounds of ${PER_ROUND}`,
      '',
      '| FerretDB | findOne({_id}) | findOne({sellerId}) (indexed field) |',
      '|---|---|---|',
      ...targets.map((t) => `| ${t.name} | ${cell(t.ms._id)} | ${cell(t.ms.sellerId)} |`),
      '',
    ].join('\n'),
  );
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
