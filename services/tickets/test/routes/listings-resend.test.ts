import { fakeUser, waitFor } from '@bigtix/testkit';
import type { Collection, Document } from 'mongodb';
import request from 'supertest';
import { FIXTURE_IDS, TicketsHarness, startTickets } from '../support/harness';

const EVENT = FIXTURE_IDS.erasTourMetLife;
let n = 0;
const serials = (k: number) => Array.from({ length: k }, () => `RS-${Date.now()}-${++n}`);
const row = (externalRef: string, extra: Record<string, unknown> = {}) => ({
  eventId: EVENT,
  section: '201',
  row: 'C',
  seats: ['1', '2', '3', '4'],
  quantity: 4,
  price: 8_000,
  splits: 'any',
  serials: serials(4),
  externalRef,
  ...extra,
});

describe('re-sending a bulk listing', () => {
  let h: TicketsHarness;
  const collection = (name: string): Collection<Document> => h.running.ctx.db.db!.collection(name);
  /** Every document a bulk listing can write: seats, listings, and their change (outbox) records. */
  const counts = async (sellerId: string) => ({
    tickets: await h.tickets.countDocuments({ sellerId }),
    listings: await collection('listings').countDocuments({ sellerId }),
    ticketChanges: await h.changes.countDocuments(),
    listingChanges: await collection('listing_changes').countDocuments(),
  });
  const bulk = (seller: { bearer: string }, listings: unknown[]) =>
    request(h.url).post('/api/listings/bulk').set('Authorization', seller.bearer).send({ listings });

  beforeAll(async () => {
    h = await startTickets('tresend');
  });
  afterAll(() => h.stop());

  it('answers unchanged per row and writes nothing; the views still count seats changed since creation', async () => {
    const seller = fakeUser();
    const single = { seats: ['9'], quantity: 1, serials: serials(1) };
    const rows = [row(`A${++n}`), row(`B${++n}`, { section: '202' }), row(`S${++n}`, { section: '204', ...single })];
    const first = await bulk(seller, rows);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: 3, unchanged: 0 });
    // A seat of A withdrawn, and the one-seat listing's ticket re-priced: each a new version.
    const [a, b, one] = first.body.results.map((r: { listing: { id: string; ticketIds: string[] } }) => r.listing);
    const delist = await request(h.url).delete(`/api/tickets/${a.ticketIds[1]}`).set('Authorization', seller.bearer);
    expect(delist.status).toBe(200);
    const reprice = await request(h.url)
      .put('/api/tickets')
      .set('Authorization', seller.bearer)
      .send({ id: one.ticketIds[0], price: 7_500 });
    expect(reprice.status).toBe(200);

    await waitFor(async () => (await h.changes.countDocuments({ pending: 1 })) === 0, { what: 'outbox drained' });
    const before = await counts(seller.id);
    const again = await bulk(seller, rows);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ created: 0, unchanged: 3, updated: 0, failed: 0 });
    expect(await counts(seller.id)).toEqual(before);
    expect(await h.changes.countDocuments({ pending: 1 })).toBe(0);
    const views = again.body.results.map((r: { listing: unknown }) => r.listing);
    // The same view a listing read gives.
    for (const [k, id] of [a.id, b.id, one.id].entries()) {
      const read = await request(h.url).get(`/api/listings/${id}`).set('Authorization', seller.bearer);
      expect(views[k]).toEqual(read.body);
    }
    expect(views[0]).toMatchObject({ available: 3, sellable: [1, 2] }); // seats 1, 3 and 4 are left
    expect(views[1]).toMatchObject({ available: 4, sellable: [1, 2, 3, 4], price: 8_000 });
    expect(views[2]).toMatchObject({ available: 1, price: 7_500 });
  });

  it('finishes a batch a crash left half-created, once, and leaves the finished rows unchanged', async () => {
    const seller = fakeUser();
    const rows = [row(`C${++n}`), row(`D${++n}`, { section: '203' })];
    const first = await bulk(seller, rows);
    expect(first.body).toMatchObject({ created: 2 });
    // The crash: D's listing was never written and only its first two seats were.
    const d = first.body.results[1].listing as { id: string; ticketIds: string[] };
    await collection('listings').deleteOne({ _id: d.id as never });
    await collection('listing_changes').deleteOne({ _id: `${d.id}@1` as never });
    for (const id of d.ticketIds.slice(2)) {
      await h.tickets.deleteOne({ _id: id as never });
      await h.changes.deleteOne({ _id: `${id}@1` as never });
    }

    const again = await bulk(seller, rows);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ created: 1, unchanged: 1, failed: 0 });
    expect(again.body.results[1].listing).toMatchObject({ id: d.id, available: 4 });
    const seats = await h.tickets.find({ listingId: d.id }).sort({ position: 1 }).toArray();
    expect(seats.map((t) => [t._id, t.serialNumber, t.status])).toEqual(
      d.ticketIds.map((id, i) => [id, rows[1].serials[i], 'available']),
    );
    expect(await h.changes.countDocuments({ aggregateId: { $in: d.ticketIds } })).toBe(4);

    // And a third time: nothing left to do.
    const third = await bulk(seller, rows);
    expect(third.body).toMatchObject({ created: 0, unchanged: 2 });
  });
});
