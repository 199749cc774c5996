// ferretdb-patches/update-reads-before-writes.patch against a real FerretDB with a small pool.
// Unpatched, an update held the query's PostgreSQL connection while each write asked the pool for
// another; as many concurrent updates as the pool has connections each held one and waited for a
// second, and the instance stopped answering everyone (seen on the shared dev database with
// several test runs at once: 50 idle connections, pings hanging).
import { PrivateFerretDb, startPrivateFerretDb } from './support/private-ferretdb';

const POOL = 4;
let db: PrivateFerretDb;

beforeAll(async () => {
  db = await startPrivateFerretDb('pool', { poolMaxConns: POOL });
}, 120000);

afterAll(async () => db?.stop());

/** `work`, or an error naming what hung once `ms` passed (a hung FerretDB never answers). */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms: FerretDB hung`)), ms);
  });
  try {
    return await Promise.race([work, hung]);
  } finally {
    clearTimeout(timer);
  }
}

it(`answers ${POOL * 4} concurrent updates with a pool of ${POOL} connections`, async () => {
  const docs = db.client.db('pool').collection<{ _id: string; n: number }>('counters');
  await docs.insertMany(Array.from({ length: POOL * 4 }, (_, i) => ({ _id: `c${i}`, n: 0 })));
  for (let round = 1; round <= 3; round++)
    await within(
      20_000,
      `round ${round} of ${POOL * 4} updateOne + ${POOL} updateMany`,
      Promise.all([
        ...Array.from({ length: POOL * 4 }, (_, i) => docs.updateOne({ _id: `c${i}` }, { $inc: { n: 1 } })),
        ...Array.from({ length: POOL }, () => docs.updateMany({ n: { $gte: 0 } }, { $set: { touched: true } })),
      ]),
    );
  expect(await within(10_000, 'the read after', docs.find({ n: 3 }).toArray())).toHaveLength(POOL * 4);
  expect(await within(10_000, 'a ping', db.client.db('pool').command({ ping: 1 }))).toMatchObject({ ok: 1 });
});
