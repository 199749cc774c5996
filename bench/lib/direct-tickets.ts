import { randomBytes } from 'node:crypto';
import { withServiceDb } from './db';
import type { StackInfo } from './stack-info';

/**
 * `count` available tickets for an event (the stack's by default), written straight into the tickets database
 * (the shape VersionedStore writes). For read benchmarks that must not wait on, or run next to,
 * the outbox backlog a 10,000-row listing leaves behind; the orders replica never hears of them.
 */
export async function writeTicketsDirectly(
  stack: StackInfo,
  count: number,
  eventId = stack.eventId,
): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomBytes(12).toString('hex'));
  const seller = randomBytes(12).toString('hex');
  const now = new Date();
  await withServiceDb(stack, 'tickets', async (db) => {
    const docs = ids.map((_id, i) => ({
      _id,
      title: `Seat ${i}`,
      price: 1000 + (i % 500) * 10,
      currency: 'usd',
      description: '',
      serialNumber: `direct-${_id}`,
      eventId,
      userId: seller,
      sellerId: seller,
      status: 'available',
      orderId: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }));
    for (let i = 0; i < docs.length; i += 1000)
      await db.collection('tickets').insertMany(docs.slice(i, i + 1000) as never);
  });
  return ids;
}
