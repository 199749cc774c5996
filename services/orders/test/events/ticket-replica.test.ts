import { TicketEventData } from '@bigtix/common';
import { Types } from 'mongoose';
import { Harness, fakeUser, waitFor } from '../support/harness';

jest.setTimeout(60_000);
// Fast retries so "retried later" is seconds, not minutes.
const h = new Harness('ordreplica');
const seller = fakeUser();

beforeAll(() => h.start());
afterAll(() => h.stop());

const ticket = (
  version: number,
  changes: Partial<TicketEventData> = {},
  id = new Types.ObjectId().toHexString(),
): TicketEventData => ({
  id,
  title: 'Row A seat 1',
  price: 1000,
  currency: 'usd',
  eventId: 'G5evt',
  userId: seller.id,
  status: 'available',
  orderId: null,
  version,
  ...changes,
});

it('applies versions only in order: a gap waits for the missing version, then all apply', async () => {
  const id = new Types.ObjectId().toHexString();
  await h.publish('ticket.created', 1, ticket(1, {}, id));
  await h.replicaAt(id, 1);
  // v3 arrives before v2: it must not be applied yet, nor lost
  await h.publish('ticket.updated', 3, ticket(3, { price: 3000 }, id));
  await h.publish('ticket.updated', 2, ticket(2, { price: 2000 }, id));
  const final = await h.replicaAt(id, 3);
  expect(final).toMatchObject({ version: 3, price: 3000 });
});

it('ignores duplicates and older versions', async () => {
  const id = new Types.ObjectId().toHexString();
  await h.publish('ticket.created', 1, ticket(1, {}, id));
  await h.publish('ticket.updated', 2, ticket(2, { title: 'v2' }, id));
  await h.replicaAt(id, 2);
  // replay v1 and v2 with different content: the replica keeps v2 as first applied
  await h.publish('ticket.created', 1, ticket(1, { title: 'stale' }, id));
  await h.publish('ticket.updated', 2, ticket(2, { title: 'replayed v2' }, id));
  await h.publish('ticket.updated', 3, ticket(3, { title: 'v3' }, id));
  const t = await h.replicaAt(id, 3);
  expect(t.title).toBe('v3');
  // Versions 2 and 3 were claimed once each (version 1 is decided by its insert).
  expect(await h.deps.ticketVersions.countDocuments({ aggregateId: id })).toBe(2);
});

it('retries an update that arrives before its ticket.created, and converges', async () => {
  const id = new Types.ObjectId().toHexString();
  await h.publish('ticket.updated', 2, ticket(2, { price: 4200 }, id));
  // The update is parked in the retry queue, not applied and not dead-lettered.
  await waitFor(async () => (await h.deps.tickets.findOne({ _id: id })) === null, { what: 'not applied yet' });
  await h.publish('ticket.created', 1, ticket(1, {}, id));
  const t = await h.replicaAt(id, 2);
  expect(t.price).toBe(4200);
});

it('applies concurrent duplicate deliveries of many versions exactly once each', async () => {
  const id = new Types.ObjectId().toHexString();
  const versions = Array.from({ length: 8 }, (_, i) => ticket(i + 1, { price: 1000 + i }, id));
  // every version three times, all at once, shuffled
  const sends = versions.flatMap((v) => [v, v, v]).sort(() => Math.random() - 0.5);
  await Promise.all(sends.map((v) => h.publish(v.version === 1 ? 'ticket.created' : 'ticket.updated', v.version, v)));
  const t = await h.replicaAt(id, 8, 30_000);
  expect(t.price).toBe(1007);
});

it('uses the replica to refuse an order at an outdated price', async () => {
  const t = await h.listTicket(seller, 1000);
  await h.updateTicket(t.id, { price: 1500 });
  await h.replicaAt(t.id, 2);
  const res = await h.order(fakeUser(), [t]);
  expect(res.status).toBe(409);
  expect(res.body.priceChanged).toEqual([{ ticketId: t.id, price: 1500 }]);
});
