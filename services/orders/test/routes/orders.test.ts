import { Harness, fakeUser } from '../support/harness';

jest.setTimeout(60_000);
const h = new Harness('ordroutes');
const seller = fakeUser();

beforeAll(() => h.start());
afterAll(() => h.stop());

describe('POST /api/orders', () => {
  it('holds the tickets and answers 201 with the order, its all-in total and expiry, and publishes order.created', async () => {
    const a = await h.listTicket(seller, 5000);
    const b = await h.listTicket(seller, 2550);
    const buyer = fakeUser();
    const before = Date.now();
    const res = await h.order(buyer, [a, b]);
    expect(res.status).toBe(201);
    // Default fees: 10 % buyer fee per ticket, rounded half up (2550 → 255).
    expect(res.body).toMatchObject({
      userId: buyer.id,
      status: 'created',
      subtotal: 7550,
      buyerFee: 755,
      total: 8305,
      currency: 'usd',
      version: 1,
    });
    expect(res.body.tickets).toEqual([
      { ticketId: a.id, title: a.title, price: 5000, buyerFee: 500, allInPrice: 5500, eventId: a.eventId },
      { ticketId: b.id, title: b.title, price: 2550, buyerFee: 255, allInPrice: 2805, eventId: b.eventId },
    ]);
    const expires = Date.parse(res.body.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + 899_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 901_000);
    const created = await h.waitForEvent('order.created', res.body.id);
    expect(created.version).toBe(1);
    expect(created.data).toMatchObject({ id: res.body.id, total: 8305, status: 'created' });
    // Payments needs to know whom to pay and when: the seller, the event and both fees per line.
    expect(created.data.tickets[1]).toEqual({
      ticketId: b.id,
      title: b.title,
      price: 2550,
      sellerId: seller.id,
      eventId: b.eventId,
      buyerFee: 255,
      sellerFee: 255,
    });
  });

  it('answers 409 naming a held ticket and a re-priced ticket with its current price, and takes no hold', async () => {
    const held = await h.listTicket(seller, 1000);
    const repriced = await h.listTicket(seller, 1000);
    const free = await h.listTicket(seller, 1000);
    expect((await h.order(fakeUser(), [held])).status).toBe(201);
    await h.updateTicket(repriced.id, { price: 1200 });
    await h.replicaAt(repriced.id, 2);

    const res = await h.order(fakeUser(), [held, { id: repriced.id, price: 1000 }, free]);
    expect(res.status).toBe(409);
    expect(res.body.priceChanged).toEqual([{ ticketId: repriced.id, price: 1200 }]);
    const again = await h.order(fakeUser(), [held, free]);
    expect(again.status).toBe(409);
    expect(again.body.unavailable).toEqual([held.id]);
    // all or nothing: the free ticket was not kept by the failed attempts
    expect((await h.order(fakeUser(), [free])).status).toBe(201);
  });

  it('answers 409 for withdrawn and sold tickets', async () => {
    const t = await h.listTicket(seller, 1000);
    await h.updateTicket(t.id, { status: 'withdrawn' });
    await h.replicaAt(t.id, 2);
    const res = await h.order(fakeUser(), [t]);
    expect(res.status).toBe(409);
    expect(res.body.unavailable).toEqual([t.id]);
  });

  it("answers 400 for the buyer's own tickets, duplicates and bad input, and 404 naming unknown tickets", async () => {
    const t = await h.listTicket(seller, 1000);
    const own = await h.order(seller, [t]);
    expect(own.status).toBe(400);
    expect(own.body.errors[0].message).toMatch(/your own/);

    const buyer = fakeUser();
    expect((await h.order(buyer, [t, t])).status).toBe(400);
    expect((await h.request('POST', '/api/orders', buyer, { tickets: [] })).status).toBe(400);
    expect((await h.request('POST', '/api/orders', buyer, { tickets: [{ ticketId: 'nope', price: 1 }] })).status).toBe(
      400,
    );
    expect((await h.request('POST', '/api/orders', buyer, { tickets: [{ ticketId: t.id, price: 10.5 }] })).status).toBe(
      400,
    );
    // Orders Stripe could never charge: over its maximum, or under its 50-cent minimum.
    const huge = [0, 1].map((i) => ({ ticketId: i.toString(16).padStart(24, 'a'), price: 60_000_000 }));
    const tooBig = await h.request('POST', '/api/orders', buyer, { tickets: huge });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.errors[0].message).toMatch(/at most 99999999 cents/);
    const tiny = await h.request('POST', '/api/orders', buyer, { tickets: [{ ticketId: 'a'.repeat(24), price: 49 }] });
    expect(tiny.status).toBe(400);
    expect(tiny.body.errors[0].message).toMatch(/at least 50 cents/);
    const many = Array.from({ length: 21 }, (_, i) => ({ ticketId: i.toString(16).padStart(24, '0'), price: 1 }));
    expect((await h.request('POST', '/api/orders', buyer, { tickets: many })).status).toBe(400);

    const unknown = 'abcdefabcdefabcdefabcdef';
    const res = await h.order(buyer, [t, { id: unknown, price: 100 }]);
    expect(res.status).toBe(404);
    expect(res.body.unknown).toEqual([unknown]);
    expect(res.body.errors[0].message).toContain(unknown);
    // nothing was held by the refused requests
    expect((await h.order(buyer, [t])).status).toBe(201);
  });

  it('answers 401 without a signed-in user', async () => {
    expect((await h.request('POST', '/api/orders', null, { tickets: [] })).status).toBe(401);
    expect((await h.request('GET', '/api/orders', null)).status).toBe(401);
  });
});

describe('reading orders', () => {
  it('shows an order only to its owner; 404 for others and for malformed ids', async () => {
    const t = await h.listTicket(seller);
    const buyer = fakeUser();
    const { body } = await h.order(buyer, [t]);
    expect((await h.request('GET', `/api/orders/${body.id}`, buyer)).body).toMatchObject({
      id: body.id,
      status: 'created',
    });
    expect((await h.request('GET', `/api/orders/${body.id}`, fakeUser())).status).toBe(404);
    expect((await h.request('GET', '/api/orders/not-an-id', buyer)).status).toBe(404);
  });

  it("lists the caller's orders active first, then newest, across pages", async () => {
    const buyer = fakeUser();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const t = await h.listTicket(seller, 100 + i);
      ids.push((await h.order(buyer, [t])).body.id);
    }
    // cancel the newest two: they move behind the active ones
    await h.request('DELETE', `/api/orders/${ids[4]}`, buyer);
    await h.request('DELETE', `/api/orders/${ids[3]}`, buyer);
    const seen: { id: string; status: string }[] = [];
    let cursor: string | null = null;
    do {
      const res = await h.request('GET', `/api/orders?limit=2${cursor ? `&cursor=${cursor}` : ''}`, buyer);
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.map((o) => o.id)).toEqual([ids[2], ids[1], ids[0], ids[4], ids[3]]);
    expect(seen.map((o) => o.status)).toEqual(['created', 'created', 'created', 'cancelled', 'cancelled']);
    expect((await h.request('GET', '/api/orders?cursor=garbage', buyer)).status).toBe(400);
    expect((await h.request('GET', '/api/orders', fakeUser())).body).toEqual({ items: [], nextCursor: null });
  });
});

describe('cancelling', () => {
  it('DELETE cancels, releases the hold and publishes order.cancelled (reason cancelled); again is 200', async () => {
    const t = await h.listTicket(seller);
    const buyer = fakeUser();
    const { body } = await h.order(buyer, [t]);
    const res = await h.request('DELETE', `/api/orders/${body.id}`, buyer);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', version: 2 });
    const ev = await h.waitForEvent('order.cancelled', body.id);
    expect(ev).toMatchObject({ version: 2, data: { reason: 'cancelled', status: 'cancelled' } });
    expect((await h.request('DELETE', `/api/orders/${body.id}`, buyer)).body.status).toBe('cancelled');
    expect((await h.order(fakeUser(), [t])).status).toBe(201);
  });

  it('PUT accepts only {"status":"cancelled"}; other statuses are 400; others\' orders 404', async () => {
    const t = await h.listTicket(seller);
    const buyer = fakeUser();
    const { body } = await h.order(buyer, [t]);
    expect((await h.request('PUT', `/api/orders/${body.id}`, buyer, { status: 'paid' })).status).toBe(400);
    expect((await h.request('PUT', `/api/orders/${body.id}`, buyer, { status: 'cancelled', total: 1 })).status).toBe(
      400,
    );
    expect((await h.request('PUT', `/api/orders/${body.id}`, fakeUser(), { status: 'cancelled' })).status).toBe(404);
    const res = await h.request('PUT', `/api/orders/${body.id}`, buyer, { status: 'cancelled' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
  });
});
