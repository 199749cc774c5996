import { isolate } from '@bigtix/testkit';
import mongoose, { Connection } from 'mongoose';
import { claim } from '../src/db/claims';

const iso = isolate('claims');
const connections: Connection[] = [];

beforeAll(async () => {
  // Separate connections (separate pools and sockets), as separate replicas would have.
  for (let i = 0; i < 10; i++) connections.push(await mongoose.createConnection(iso.mongoUrl('claims')).asPromise());
});

afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await iso.cleanup();
});

const coll = (i: number) => connections[i % connections.length].db!.collection('holds');

it('gives a key to exactly one of 50 concurrent claimants on separate connections', async () => {
  for (let round = 0; round < 3; round++) {
    const key = `ticket-${round}`;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => claim(coll(i), key, { orderId: `order-${i}` })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const stored = await coll(0).findOne({ _id: key as never });
    const winner = results.indexOf(true);
    expect(stored?.orderId).toBe(`order-${winner}`);
  }
});

// The other atomic primitive services build on (releasing holds): deletedCount names one winner.
it('lets exactly one of many concurrent deletes by _id remove a claim', async () => {
  await claim(coll(0), 'to-release', { orderId: 'x' });
  const results = await Promise.all(
    Array.from(
      { length: 20 },
      async (_, i) => (await coll(i).deleteOne({ _id: 'to-release' as never })).deletedCount === 1,
    ),
  );
  expect(results.filter(Boolean)).toHaveLength(1);
  expect(await coll(0).countDocuments({ _id: 'to-release' as never })).toBe(0);
});

it('rethrows errors that are not duplicate keys', async () => {
  const broken = { insertOne: () => Promise.reject(Object.assign(new Error('network down'), { code: 6 })) };
  await expect(claim(broken as never, 'k', {})).rejects.toThrow('network down');
});
