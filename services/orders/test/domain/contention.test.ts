import { Harness, fakeUser } from '../support/harness';

jest.setTimeout(120_000);

/** Every active order's tickets, to prove no ticket sits in two of them. */
async function activeHolders(h: Harness): Promise<Map<string, string[]>> {
  const orders = await h.deps.orderDocs.find({ rank: 0 }).toArray();
  const byTicket = new Map<string, string[]>();
  for (const o of orders)
    for (const t of o.tickets) byTicket.set(t.ticketId, [...(byTicket.get(t.ticketId) ?? []), o._id]);
  return byTicket;
}

function statusCounts(statuses: number[]): Record<number, number> {
  return statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
}

describe.each([
  ['one orders instance', 1],
  ['two orders instances sharing database and queue', 2],
])('contention with %s', (_label, instances) => {
  const h = new Harness(`contend${instances}`);
  const seller = fakeUser();

  beforeAll(() => h.start({}, {}, instances));
  afterAll(() => h.stop());

  const urlFor = (i: number) => h.services[i % h.services.length].url;

  it('50 buyers racing for one ticket: exactly one 201, 49 × 409, no 5xx', async () => {
    const ticket = await h.listTicket(seller, 9900);
    const buyers = Array.from({ length: 50 }, () => fakeUser());
    const results = await Promise.all(buyers.map((b, i) => h.order(b, [ticket], urlFor(i))));
    expect(statusCounts(results.map((r) => r.status))).toEqual({ 201: 1, 409: 49 });
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.unavailable).toEqual([ticket.id]);
    const winner = results.find((r) => r.status === 201)!;
    expect(await h.holderOf(ticket.id)).toBe(winner.body.id);
    expect(await h.deps.orderDocs.countDocuments({ 'tickets.ticketId': ticket.id })).toBe(1);
  });

  it('30 buyers with overlapping multi-ticket orders: no ticket ends up in two active orders', async () => {
    const tickets = await Promise.all(Array.from({ length: 10 }, (_, i) => h.listTicket(seller, 1000 + i)));
    const buyers = Array.from({ length: 30 }, () => fakeUser());
    // buyer i wants 3 consecutive tickets (wrapping), so every ticket is wanted by 9 buyers
    const wants = buyers.map((_, i) => [0, 1, 2].map((k) => tickets[(i + k) % tickets.length]));
    const results = await Promise.all(buyers.map((b, i) => h.order(b, wants[i], urlFor(i))));
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);

    const holders = await activeHolders(h);
    for (const t of tickets) expect((holders.get(t.id) ?? []).length).toBeLessThanOrEqual(1);
    // Each winner holds exactly its tickets; losers hold nothing.
    const winners = results.filter((r) => r.status === 201).map((r) => r.body.id as string);
    const holds = await h.holders(tickets.map((t) => t.id));
    for (const orderId of holds.values()) expect(winners).toContain(orderId);
    expect(holds.size).toBe(winners.length * 3);
    // A buyer is refused only because a winner holds one of its tickets.
    results.forEach((r, i) => {
      if (r.status === 409) expect(wants[i].some((t) => holds.has(t.id))).toBe(true);
    });
    // Losers gave back everything: each ticket no winner holds can be ordered now.
    for (const t of tickets.filter((x) => !holds.has(x.id)))
      expect((await h.order(fakeUser(), [t], urlFor(1))).status).toBe(201);
  });

  it('a rush of 20 buyers for 10 tickets, 4 overlapping each: at least 2 complete orders in each of 5 rounds, every refusal caused by a winner', async () => {
    for (let round = 0; round < 5; round++) {
      const tickets = await Promise.all(Array.from({ length: 10 }, (_, i) => h.listTicket(seller, 2000 + i)));
      const buyers = Array.from({ length: 20 }, () => fakeUser());
      const wants = buyers.map((_, i) => [0, 1, 2, 3].map((k) => tickets[(i + k) % tickets.length]));
      const results = await Promise.all(buyers.map((b, i) => h.order(b, wants[i], urlFor(i))));
      expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
      const winners = results.filter((r) => r.status === 201);
      expect(winners.length).toBeGreaterThanOrEqual(2);
      const holds = await h.holders(tickets.map((t) => t.id));
      expect(holds.size).toBe(winners.length * 4);
      results.forEach((r, i) => {
        if (r.status === 409) expect(wants[i].some((t) => holds.has(t.id))).toBe(true);
      });
    }
  });
});
