import { fakeUser } from '@bigtix/testkit';
import request from 'supertest';
import { FIXTURE_IDS, TicketsHarness, startTickets, ticketBody } from '../support/harness';

const EVENT = FIXTURE_IDS.erasTourMetLife;
let n = 0;
const serials = (k: number) => Array.from({ length: k }, () => `LS-${Date.now()}-${++n}`);
const seated = (extra: Record<string, unknown> = {}) => ({
  eventId: EVENT,
  section: '101',
  row: 'F',
  seats: ['1', '2', '3', '4'],
  quantity: 4,
  price: 10_000,
  splits: 'pairs',
  serials: serials(4),
  ...extra,
});

describe('listings', () => {
  let h: TicketsHarness;
  beforeAll(async () => {
    h = await startTickets('tlistings');
  });
  afterAll(() => h.stop());

  const listingsFor = (query: string) => request(h.url).get(`/api/events/${EVENT}/listings?${query}`);

  it('creates a listing whose seats are tickets with their own serials, in seat order', async () => {
    const seller = fakeUser();
    const body = seated({ externalRef: `ref-${++n}` });
    const res = await request(h.url).post('/api/listings').set('Authorization', seller.bearer).send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      section: '101',
      row: 'F',
      seats: ['1', '2', '3', '4'],
      available: 4,
      sellable: [2, 4],
    });
    expect(res.body.allInPrice).toBe(11_000);
    const tickets = await h.tickets.find({ listingId: res.body.id }).sort({ position: 1 }).toArray();
    expect(tickets.map((t) => [t.seat, t.serialNumber])).toEqual(body.seats.map((s, i) => [s, body.serials[i]]));
    // A re-post of the same externalRef is the same listing, unchanged.
    const again = await request(h.url).post('/api/listings').set('Authorization', seller.bearer).send(body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(res.body.id);
    expect(await h.tickets.countDocuments({ listingId: res.body.id })).toBe(4);
  });

  it('refuses a split rule that cannot sell the group down to none, and mismatched seats, writing nothing', async () => {
    const seller = fakeUser();
    const before = await h.tickets.countDocuments();
    const res = await request(h.url)
      .post('/api/listings/bulk')
      .set('Authorization', seller.bearer)
      .send({
        listings: [
          seated({ seats: ['1', '2', '3'], quantity: 3, serials: serials(3) }),
          seated(),
          seated({ serials: serials(3) }),
        ],
      });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['listings.0.splits', 'listings.2.serials']));
    expect(fields.some((f: string) => f.startsWith('listings.1'))).toBe(false);
    expect(await h.tickets.countDocuments()).toBe(before);
  });

  it('bulk is idempotent by externalRef: created, then unchanged, then updated per row', async () => {
    const seller = fakeUser();
    const rows = [seated({ externalRef: 'A' }), seated({ externalRef: 'B', section: '102', splits: 'any' })];
    const first = await request(h.url)
      .post('/api/listings/bulk')
      .set('Authorization', seller.bearer)
      .send({ listings: rows });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: 2, unchanged: 0, updated: 0 });
    const second = await request(h.url)
      .post('/api/listings/bulk')
      .set('Authorization', seller.bearer)
      .send({ listings: rows });
    expect(second.body).toMatchObject({ created: 0, unchanged: 2, updated: 0 });
    const repriced = [rows[0], { ...rows[1], price: 9_000 }];
    const third = await request(h.url)
      .post('/api/listings/bulk')
      .set('Authorization', seller.bearer)
      .send({ listings: repriced });
    expect(third.body).toMatchObject({ created: 0, unchanged: 1, updated: 1 });
    const id = third.body.results[1].listing.id;
    expect((await h.tickets.find({ listingId: id }).toArray()).map((t) => t.price)).toEqual([
      9_000, 9_000, 9_000, 9_000,
    ]);
    // Other seats under the same externalRef are refused, not silently merged.
    const moved = await request(h.url)
      .post('/api/listings/bulk')
      .set('Authorization', seller.bearer)
      .send({ listings: [{ ...rows[0], serials: serials(4) }] });
    expect(moved.status).toBe(400);
    expect(moved.body.errors[0].field).toBe('listings.0.externalRef');
  });

  it('the event query offers exactly the listings that can sell the quantity, cheapest first, paginated', async () => {
    const seller = fakeUser();
    const tag = `q${++n}`;
    const made = await request(h.url)
      .post('/api/listings/bulk')
      .set('Authorization', seller.bearer)
      .send({
        listings: [
          seated({ section: `${tag}-pairs`, price: 20_000 }),
          seated({
            section: `${tag}-all`,
            seats: ['7', '8'],
            quantity: 2,
            splits: 'all',
            serials: serials(2),
            price: 15_000,
          }),
          { eventId: EVENT, section: `${tag}-ga`, quantity: 10, price: 5_000, serials: serials(10) },
        ],
      });
    expect(made.status).toBe(201);
    const sections = async (query: string) => {
      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await listingsFor(`${query}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        all.push(...res.body.items.map((l: { section: string }) => l.section));
        cursor = res.body.nextCursor;
      } while (cursor);
      return all.filter((s) => s.startsWith(tag));
    };
    expect(await sections('quantity=1')).toEqual([`${tag}-ga`]);
    expect(await sections('quantity=2')).toEqual([`${tag}-ga`, `${tag}-all`, `${tag}-pairs`]);
    expect(await sections('quantity=3')).toEqual([`${tag}-ga`]);
    expect(await sections('quantity=2&sort=-price')).toEqual([`${tag}-pairs`, `${tag}-all`, `${tag}-ga`]);
    expect(await sections(`section=${tag}-all`)).toEqual([`${tag}-all`]);
    expect(await sections('quantity=2&maxPrice=16500')).toEqual([`${tag}-ga`, `${tag}-all`]);
    const anon = await listingsFor('quantity=2');
    expect(anon.headers['cache-control']).toMatch(/public/);
    expect(anon.body.items[0].ticketIds).toBeUndefined();
  });

  it('PUT re-prices every seat; DELETE withdraws what is not held or sold, and says so', async () => {
    const seller = fakeUser();
    const other = fakeUser();
    const made = await request(h.url).post('/api/listings').set('Authorization', seller.bearer).send(seated());
    const id = made.body.id;
    expect(
      (await request(h.url).put(`/api/listings/${id}`).set('Authorization', other.bearer).send({ price: 1 })).status,
    ).toBe(400);
    expect(
      (await request(h.url).put(`/api/listings/${id}`).set('Authorization', other.bearer).send({ price: 9_900 }))
        .status,
    ).toBe(403);
    const put = await request(h.url)
      .put(`/api/listings/${id}`)
      .set('Authorization', seller.bearer)
      .send({ price: 9_900, splits: 'any' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ price: 9_900, splits: 'any', sellable: [1, 2, 3, 4] });
    const del = await request(h.url).delete(`/api/listings/${id}`).set('Authorization', seller.bearer);
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({ status: 'withdrawn', available: 0 });
    expect((await h.tickets.find({ listingId: id }).toArray()).map((t) => t.status)).toEqual(
      Array(4).fill('withdrawn'),
    );
    expect((await request(h.url).delete(`/api/listings/${id}`).set('Authorization', seller.bearer)).status).toBe(200);
    expect((await request(h.url).get('/api/listings/nope')).status).toBe(404);
  });

  it("a serial another of the seller's listings holds fails that row (nothing of it sells) and leaves the other rows listed", async () => {
    const seller = fakeUser();
    const taken = seated({ externalRef: 'X' });
    expect((await request(h.url).post('/api/listings').set('Authorization', seller.bearer).send(taken)).status).toBe(
      201,
    );
    const clash = { ...seated({ externalRef: 'Y' }), serials: [taken.serials[0], ...serials(3)] };
    const res = await request(h.url)
      .post('/api/listings/bulk')
      .set('Authorization', seller.bearer)
      .send({ listings: [clash, seated({ externalRef: 'Z' })] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ created: 1, failed: 1 });
    expect(res.body.results[0]).toMatchObject({ status: 'failed' });
    const available = await h.tickets.find({ sellerId: seller.id, status: 'available' }).toArray();
    expect(available).toHaveLength(8); // X's seats and Z's, none of Y's
  });

  it('lists a serial another seller listed like any other (serials are unique per seller: nothing to probe or squat)', async () => {
    const [first, second] = [fakeUser(), fakeUser()];
    const taken = seated({ externalRef: 'X' });
    expect((await request(h.url).post('/api/listings').set('Authorization', first.bearer).send(taken)).status).toBe(
      201,
    );
    const copy = { ...seated({ externalRef: 'Y' }), serials: [taken.serials[0], ...serials(3)] };
    const res = await request(h.url)
      .post('/api/listings/bulk')
      .set('Authorization', second.bearer)
      .send({ listings: [copy] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ created: 1, failed: 0 });
  });

  it('POST /api/tickets/create still works, as a one-seat listing', async () => {
    const seller = fakeUser();
    const res = await request(h.url)
      .post('/api/tickets/create')
      .set('Authorization', seller.bearer)
      .send(ticketBody(EVENT));
    expect(res.status).toBe(201);
    expect(res.body.listingId).toBe(res.body.id);
    const listing = await request(h.url).get(`/api/listings/${res.body.id}`);
    expect(listing.body).toMatchObject({ quantity: 1, available: 1, sellable: [1], seats: null });
  });
});
