// gin-indexes.sql against a real FerretDB: a private instance (support/private-ferretdb.ts).
import { Collection, Document, MongoClient } from 'mongodb';
import { PrivateFerretDb, startPrivateFerretDb } from './support/private-ferretdb';

let db: PrivateFerretDb;
let client: MongoClient;
const psql = (sql: string, url?: string) => db.psql(sql, url);

/** The GIN indexes on the PostgreSQL table behind `dbName.collectionName`, as index expressions. */
function ginExpressions(dbName: string, collectionName: string): string[] {
  const table = psql(
    `select _jsonb->>'table' from ${JSON.stringify(dbName)}._ferretdb_database_metadata
     where _jsonb->>'_id' = '${collectionName}'`,
  );
  const rows = psql(
    `select regexp_replace(indexdef, '.* USING gin \\((.*) jsonb_path_ops\\)$', '\\1')
     from pg_indexes where schemaname = '${dbName}' and tablename = '${table}' and indexdef like '% USING gin %'
     order by 1`,
  );
  return rows ? rows.split('\n') : [];
}

/** The PostgreSQL plan FerretDB chose for `find(filter)`, flattened to its node types and index names. */
async function planOf(collection: Collection, filter: Document): Promise<string[]> {
  const explained = await collection.find(filter).explain();
  const nodes: string[] = [];
  const walk = (node: Document): void => {
    nodes.push(node['Index Name'] ? `${node['Node Type']} ${node['Index Name']}` : node['Node Type']);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(explained.queryPlanner.Plan);
  return nodes;
}

async function seeded(dbName: string): Promise<Collection> {
  const collection = client.db(dbName).collection('tickets');
  await collection.insertMany(
    Array.from({ length: 3000 }, (_, i) => ({
      _id: `t${i}`,
      eventId: `e${i % 300}`,
      sellerId: `s${i}`,
      seat: { row: `r${i % 40}` },
    })),
  );
  return collection;
}

beforeAll(async () => {
  db = await startPrivateFerretDb('gin');
  client = db.client;
}, 120000);

afterAll(async () => db?.stop());

it('sets plan_cache_mode for the database, so the planner sees the field name FerretDB binds', () => {
  expect(psql('show plan_cache_mode')).toBe('force_custom_plan');
});

it('gives every index FerretDB creates a GIN index on the expression its filters use, and _id one too', async () => {
  const collection = await seeded('fresh');
  await collection.createIndex({ eventId: 1, sellerId: 1 });
  await collection.createIndex({ sellerId: 1 }, { unique: true });
  await collection.createIndex({ 'seat.row': 1 });

  expect(ginExpressions('fresh', 'tickets')).toEqual([
    "((_jsonb #> '{seat,row}'::text[]))",
    "((_jsonb -> '_id'::text))",
    "((_jsonb -> 'eventId'::text))",
    "((_jsonb -> 'sellerId'::text))",
  ]);
  psql('analyze');
  expect((await planOf(collection, { _id: 't7' })).join(' / ')).toMatch(/Bitmap Index Scan \S+__id_\w+_gin/);
  expect((await planOf(collection, { sellerId: 's7' })).join(' / ')).toMatch(/Bitmap Index Scan \S+_sellerid_\w+_gin/);
  expect(await collection.findOne({ sellerId: 's7' })).toMatchObject({ _id: 't7', eventId: 'e7' });
  // The B-tree FerretDB made still enforces uniqueness.
  await expect(collection.insertOne({ _id: 'dup', sellerId: 's7' })).rejects.toMatchObject({ code: 11000 });
  // Clients see only the indexes they asked for.
  expect((await collection.indexes()).map((i) => i.name).sort()).toEqual([
    '_id_',
    'eventId_1_sellerId_1',
    'seat.row_1',
    'sellerId_1',
  ]);
});

it('pushes an $in of strings down (ferretdb-patches/in-pushdown.patch), served by GIN, with MongoDB’s answers', async () => {
  const collection = await seeded('within');
  await collection.createIndex({ eventId: 1 });
  // An array field matches when it holds one of the values, as in MongoDB.
  await collection.insertOne({ _id: 'arr', eventId: ['e1', 'x'], sellerId: 'arr' });
  psql('analyze');
  expect((await planOf(collection, { _id: { $in: ['t7', 't8'] } })).join(' / ')).toMatch(
    /Bitmap Index Scan \S+__id_\w+_gin/,
  );
  expect((await planOf(collection, { eventId: { $in: ['e1', 'e2'] } })).join(' / ')).toMatch(
    /Bitmap Index Scan \S+_eventid_\w+_gin/,
  );
  const ids = async (filter: Document) => (await collection.find(filter).toArray()).map((d) => String(d._id)).sort();
  expect(await ids({ _id: { $in: ['t7', 't8', 'nope'] } })).toEqual(['t7', 't8']);
  expect(await ids({ eventId: { $in: ['e1'] }, sellerId: { $in: ['s1', 's301', 'arr', 's2'] } })).toEqual([
    'arr',
    't1',
    't301',
  ]);
  // Not pushed down (a non-string, or nothing to match), and still right.
  expect(await ids({ _id: { $in: ['t7', 7] } })).toEqual(['t7']);
  expect(await ids({ _id: { $in: [] } })).toEqual([]);
});

it('drops a GIN index when the last FerretDB index on its field goes, and keeps shared ones', async () => {
  const collection = client.db('dropping').collection('tickets');
  await collection.createIndex({ eventId: 1, sellerId: 1 });
  await collection.createIndex({ eventId: 1 }, { name: 'by_event' });

  await collection.dropIndex('eventId_1_sellerId_1');
  expect(ginExpressions('dropping', 'tickets')).toEqual(["((_jsonb -> '_id'::text))", "((_jsonb -> 'eventId'::text))"]);

  await collection.dropIndex('by_event');
  expect(ginExpressions('dropping', 'tickets')).toEqual(["((_jsonb -> '_id'::text))"]);

  await collection.drop();
  await client.db('dropping').dropDatabase();
});

it('fixes up a database whose indexes predate it when ensure-dev-db.sh runs again, idempotently', async () => {
  const collection = await seeded('old');
  await collection.createIndex({ eventId: 1 });
  // What a database made before this existed looks like: no trigger, no GIN indexes.
  psql('drop event trigger bigtix_dev_db_create_index; drop event trigger bigtix_dev_db_drop_index');
  const ours = psql(`select indexname from pg_indexes where schemaname = 'old' and indexname like '%\\_gin'`).split(
    '\n',
  );
  for (const name of ours) psql(`drop index old."${name}"`);
  await collection.createIndex({ sellerId: 1 });
  expect(ginExpressions('old', 'tickets')).toEqual([]);

  db.ensure(); // FerretDB already answers: only the SQL runs
  db.ensure();

  expect(ginExpressions('old', 'tickets')).toEqual([
    "((_jsonb -> '_id'::text))",
    "((_jsonb -> 'eventId'::text))",
    "((_jsonb -> 'sellerId'::text))",
  ]);
  psql('analyze');
  expect((await planOf(collection, { eventId: 'e3' })).join(' / ')).toMatch(/Bitmap Index Scan \S+_eventid_\w+_gin/);
  expect(await collection.countDocuments({ eventId: 'e3' })).toBe(10);
});

it('never fails FerretDB’s own createIndex, even when the sync itself breaks', async () => {
  psql(`create or replace function bigtix_dev_db.sync_table(table_oid oid) returns void language plpgsql
        as $$ begin raise exception 'broken on purpose'; end $$`);
  try {
    const collection = client.db('broken').collection('tickets');
    await collection.createIndex({ eventId: 1 });
    expect((await collection.indexes()).map((i) => i.name)).toContain('eventId_1');
    expect(ginExpressions('broken', 'tickets')).toEqual([]);
  } finally {
    db.ensure(); // puts the real function back and sweeps
  }
  expect(ginExpressions('broken', 'tickets')).toEqual(["((_jsonb -> '_id'::text))", "((_jsonb -> 'eventId'::text))"]);
});
