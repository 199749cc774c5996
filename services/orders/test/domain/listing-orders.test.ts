import fc from 'fast-check';
import { SplitRule, TicketEventData, remainderAllowed, runsOf } from '@bigtix/common';
import { Types } from 'mongoose';
import { Harness, fakeUser } from '../support/harness';

jest.setTimeout(180_000);

type Seller = ReturnType<typeof fakeUser>;

/** A listing of `n` seats as the tickets service announces it: one ticket.created per seat. */
async function listSeats(h: Harness, seller: Seller, n: number, splits: SplitRule, seated = true) {
  const listingId = new Types.ObjectId().toHexString();
  const seats: TicketEventData[] = [];
  for (let position = 0; position < n; position++)
    seats.push(
      await h.listTicket(seller, 5000, {
        listing: {
          id: listingId,
          section: '101',
          row: seated ? 'F' : null,
          seat: seated ? String(position + 1) : null,
          position,
          seated,
          splits,
        },
      }),
    );
  return { listingId, seats };
}

const positionsOf = (seats: TicketEventData[], ids: string[]) =>
  ids.map((id) => seats.findIndex((s) => s.id === id)).sort((a, b) => a - b);

describe.each([
  ['one orders instance', 1],
  ['two orders instances', 2],
])('orders of adjacent seats from a listing, %s', (_label, instances) => {
  const h = new Harness(`lorders${instances}`);
  const seller = fakeUser();
  beforeAll(() => h.start({}, {}, instances));
  afterAll(() => h.stop());
  const urlFor = (i: number) => h.services[i % h.services.length].url;
  const buy = (buyer: Seller, listingId: string, quantity: number, i = 0) =>
    h.request('POST', '/api/orders', buyer, { listingId, quantity }, urlFor(i));

  it('a pairs listing of 4: 2 hold two adjacent seats and leave 2; 1 is a 409 naming what is possible', async () => {
    const { listingId, seats } = await listSeats(h, seller, 4, 'pairs');
    const first = await buy(fakeUser(), listingId, 2);
    expect(first.status).toBe(201);
    expect(first.body.total).toBe(2 * 5500);
    const held = positionsOf(
      seats,
      first.body.tickets.map((t: { ticketId: string }) => t.ticketId),
    );
    expect(held).toEqual([0, 1]);
    const one = await buy(fakeUser(), listingId, 1);
    expect(one.status).toBe(409);
    expect(one.body.quantities).toEqual([2]);
    const second = await buy(fakeUser(), listingId, 2);
    expect(second.status).toBe(201);
    expect(
      positionsOf(
        seats,
        second.body.tickets.map((t: { ticketId: string }) => t.ticketId),
      ),
    ).toEqual([2, 3]);
    const none = await buy(fakeUser(), listingId, 2);
    expect(none.status).toBe(409);
    expect(none.body.quantities).toEqual([]);
  });

  it('refuses your own listing (400), an unknown one (404) and bad input (400)', async () => {
    const { listingId } = await listSeats(h, seller, 2, 'any');
    expect((await buy(seller, listingId, 1)).status).toBe(400);
    expect((await buy(fakeUser(), new Types.ObjectId().toHexString(), 1)).status).toBe(404);
    expect((await buy(fakeUser(), listingId, 0)).status).toBe(400);
  });

  it('buyers racing for pairs of one listing: each gets two adjacent seats or a 409, never a seat twice', async () => {
    const { listingId, seats } = await listSeats(h, seller, 6, 'pairs');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => buy(fakeUser(), listingId, 2, i)));
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(3);
    const all = won.flatMap((r) =>
      positionsOf(
        seats,
        r.body.tickets.map((t: { ticketId: string }) => t.ticketId),
      ),
    );
    expect(new Set(all).size).toBe(6);
    for (const r of won) {
      const [a, b] = positionsOf(
        seats,
        r.body.tickets.map((t: { ticketId: string }) => t.ticketId),
      );
      expect(b).toBe(a + 1);
    }
  });

  it('concurrent buyers never leave a remainder the split rule forbids (explored orderings)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<SplitRule>('avoid-one', 'pairs', [2, 3]),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }),
        async (splits, quantities) => {
          const { listingId, seats } = await listSeats(h, seller, 6, splits);
          const results = await Promise.all(quantities.map((q, i) => buy(fakeUser(), listingId, q, i)));
          expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
          const held = results
            .filter((r) => r.status === 201)
            .flatMap((r) =>
              positionsOf(
                seats,
                r.body.tickets.map((t: { ticketId: string }) => t.ticketId),
              ),
            );
          expect(new Set(held).size).toBe(held.length);
          const left = [0, 1, 2, 3, 4, 5].filter((p) => !held.includes(p));
          for (const run of runsOf(left, true)) expect(remainderAllowed(splits, run.length)).toBe(true);
        },
      ),
      { numRuns: 6 },
    );
  });
});
