import { fakeUser } from '@bigtix/testkit';
import { Types } from 'mongoose';
import request from 'supertest';
import { holdTicketsForOrder } from '../../src/domain/hold-tickets-for-order';
import { TicketsDeps, createTicketsDeps } from '../../src/deps';
import { TicketmasterClient } from '../../src/adapters/ticketmaster/ticketmaster-client';
import { FIXTURE_IDS, TicketsHarness, startTickets, ticketBody } from '../support/harness';

const ROUNDS = 30;

/**
 * A seller's edit (HTTP, in the service) and an order.created (a second writer on the same
 * FerretDB, as another replica's consumer would be) hit one ticket at the same instant. FerretDB
 * conditional updates are not atomic, so without VersionedStore one would silently overwrite the
 * other. Every round checks the outcome and the version history.
 */
describe('seller edits racing order events on FerretDB', () => {
  let h: TicketsHarness;
  let replica: TicketsDeps;
  const seller = fakeUser();

  beforeAll(async () => {
    h = await startTickets('trace');
    const client = new TicketmasterClient({
      baseUrl: h.tm.url,
      apiKey: h.tm.apiKey,
      timeoutMs: 2000,
      requestsPerSecond: 0,
      maxRetries: 0,
      maxRetryWaitMs: 100,
    });
    replica = await createTicketsDeps(h.running.ctx.db, client, { eventCacheTtlMs: 60_000 });
  });
  afterAll(() => h.stop());

  async function listTicket() {
    const res = await request(h.url)
      .post('/api/tickets/create')
      .set('Authorization', seller.bearer)
      .send(ticketBody(FIXTURE_IDS.erasTourMetLife, { price: 10_000 }));
    expect(res.status).toBe(201);
    return res.body as { id: string; title: string; price: number };
  }
  const order = (t: { id: string; title: string; price: number }) => ({
    id: new Types.ObjectId().toHexString(),
    userId: fakeUser().id,
    status: 'created' as const,
    expiresAt: new Date(Date.now() + 900_000).toISOString(),
    tickets: [{ ticketId: t.id, title: t.title, price: t.price }],
    total: t.price,
    currency: 'usd',
    version: 1,
  });

  /** The chain of change records is 1..n, each state one step from the previous, and the document is the last. */
  async function expectConsistentHistory(id: string) {
    const changes = await h.changes.find({ aggregateId: id }).sort({ version: 1 }).toArray();
    expect(changes.map((c) => c.version)).toEqual(changes.map((_, i) => i + 1));
    const doc = await h.tickets.findOne({ _id: id as never });
    expect(doc).toEqual(changes[changes.length - 1].state);
    return { doc: doc!, changes };
  }

  it(`never loses an edit or a hold (${ROUNDS} rounds of edit vs order.created)`, async () => {
    const outcomes = { editFirst: 0, holdFirst: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const t = await listTicket();
      const o = order(t);
      const newPrice = 20_000 + round;
      const [edit] = await Promise.all([
        request(h.url).put('/api/tickets').set('Authorization', seller.bearer).send({ id: t.id, price: newPrice }),
        holdTicketsForOrder(replica, o),
      ]);
      const { doc, changes } = await expectConsistentHistory(t.id);
      // The hold always lands: editing never changes availability.
      expect(doc).toMatchObject({ status: 'held', orderId: o.id });
      if (edit.status === 200) {
        outcomes.editFirst += 1;
        expect(doc.price).toBe(newPrice);
        expect(changes.map((c) => [c.state.status, c.state.price])).toEqual([
          ['available', 10_000],
          ['available', newPrice],
          ['held', newPrice],
        ]);
      } else {
        outcomes.holdFirst += 1;
        expect(edit.status).toBe(409);
        expect(doc.price).toBe(10_000);
        expect(changes).toHaveLength(2);
      }
    }
    expect(outcomes.editFirst + outcomes.holdFirst).toBe(ROUNDS);
  }, 120_000);

  it(`delist vs order.created: the order's hold always wins, and a delist that came first is remembered for when the hold ends (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const t = await listTicket();
      const o = order(t);
      const [delist] = await Promise.all([
        request(h.url).delete(`/api/tickets/${t.id}`).set('Authorization', seller.bearer),
        holdTicketsForOrder(replica, o),
      ]);
      const { doc, changes } = await expectConsistentHistory(t.id);
      // Orders decided the hold with its unique key; this service follows it either way.
      expect(doc).toMatchObject({ status: 'held', orderId: o.id });
      if (delist.status === 200) {
        expect(changes.map((c) => c.state.status)).toEqual(['available', 'withdrawn', 'held']);
        expect(doc.withdrawRequested).toBe(true);
      } else {
        expect(delist.status).toBe(409);
        expect(changes).toHaveLength(2);
        expect(doc.withdrawRequested).toBeFalsy();
      }
    }
  }, 120_000);
});
