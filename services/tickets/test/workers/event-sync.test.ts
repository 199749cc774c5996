/**
 * Event status sync: replicas that read the same Ticketmaster answer at once store and announce
 * each change once (fast-check over sequences of observations, three writers per step); the
 * running service withdraws a cancelled event's listings ("event-cancelled") and a started
 * event's ("expired"), and its event page shows what the sync read.
 */
import { fakeUser, waitFor } from '@bigtix/testkit';
import fc from 'fast-check';
import request from 'supertest';
import { Types } from 'mongoose';
import { ObservedEvent, observe, recordEventStatus } from '../../src/domain/sync-event-status';
import { nextSyncAt } from '../../src/domain/events-to-sync';
import { eventStatusStore } from '../../src/models/event-status';
import { FIXTURE_IDS, TicketsHarness, startTickets, ticketBody } from '../support/harness';

jest.setTimeout(120_000);
let h: TicketsHarness;
beforeAll(async () => {
  h = await startTickets('tsync', { EVENT_SYNC_SECONDS: '1', EVENT_SYNC_MIN_SECONDS: '1' });
});
afterAll(() => h.stop());

const DAY = 24 * 3600 * 1000;

it('three replicas recording the same observations store and announce each change once', async () => {
  const db = h.running.ctx.db.db!;
  const observation = fc.record<ObservedEvent>({
    status: fc.constantFrom('onsale', 'postponed', 'rescheduled', 'cancelled'),
    start: fc.constantFrom(new Date('2027-03-01T20:00:00Z'), new Date('2027-04-01T20:00:00Z'), null),
    end: fc.constant(null),
    started: fc.boolean(),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(observation, { minLength: 1, maxLength: 6 }), async (seen) => {
      const eventId = `ev${new Types.ObjectId().toHexString()}`;
      const replicas = [eventStatusStore(db), eventStatusStore(db), eventStatusStore(db)];
      for (const o of seen) {
        await Promise.all(replicas.map((store) => recordEventStatus(store, eventId, o, new Date())));
      }
      const key = (o: ObservedEvent) => JSON.stringify([o.status, o.start?.toISOString() ?? null, o.started]);
      const changes = seen.filter((o, i) => i === 0 || key(o) !== key(seen[i - 1]));
      const records = await db
        .collection('event_status_changes')
        .find({ aggregateId: eventId })
        .sort({ version: 1 })
        .toArray();
      expect(records.map((r) => r.version)).toEqual(changes.map((_, i) => i + 1));
      expect(records.map((r) => r.events.map((e: { type: string }) => e.type))).toEqual(
        changes.map(() => ['event.updated']),
      );
      expect(records.map((r) => r.events[0].data.status)).toEqual(changes.map((c) => c.status));
      const doc = await replicas[0].findById(eventId);
      expect(doc?.version).toBe(changes.length);
    }),
    { numRuns: 15 },
  );
});

it('reads Discovery dates: a date without a time has started only once its day is over', () => {
  const now = Date.parse('2027-03-01T12:00:00Z');
  const timed = observe({ id: 'x', name: 'x', dates: { start: { dateTime: '2027-03-01T11:00:00Z' } } }, now);
  expect(timed).toMatchObject({ status: 'unknown', started: true, end: null });
  const dayOnly = observe(
    { id: 'x', name: 'x', dates: { start: { localDate: '2027-03-01' }, status: { code: 'postponed' } } },
    now,
  );
  expect(dayOnly).toMatchObject({ status: 'postponed', started: false });
  expect(observe({ id: 'x', name: 'x' }, now)).toMatchObject({ start: null, started: false });
});

it('reads an event more often as it approaches, and once right at its start', () => {
  const base = 15 * 60_000;
  const min = 60_000;
  const t0 = Date.parse('2027-03-01T12:00:00Z');
  expect(nextSyncAt(t0, new Date(t0 + 30 * DAY), base, min)).toBe(t0 + base);
  expect(nextSyncAt(t0, new Date(t0 + 20 * 60_000), base, min)).toBe(t0 + 5 * 60_000);
  expect(nextSyncAt(t0, new Date(t0 + 2 * 60_000), base, min)).toBe(t0 + min);
  expect(nextSyncAt(t0, new Date(t0 + 30_000), base, min)).toBe(t0 + 30_000);
  expect(nextSyncAt(t0, new Date(t0 - 1), base, min)).toBe(t0 + base);
  expect(nextSyncAt(t0, null, base, min)).toBe(t0 + base);
});

async function control(eventId: string, body: object) {
  const res = await fetch(`${h.tm.url}/__control/events/${eventId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

async function list(seller: ReturnType<typeof fakeUser>, eventId: string) {
  const res = await request(h.url)
    .post('/api/tickets/create')
    .set('Authorization', seller.bearer)
    .send(ticketBody(eventId));
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

it('a cancelled event: its listings are withdrawn with the reason, and its page says so', async () => {
  const event = FIXTURE_IDS.acdcAndFriends;
  const seller = fakeUser();
  const listed = [await list(seller, event), await list(seller, event), await list(seller, event)];
  await control(event, { status: 'cancelled' });
  for (const t of listed) {
    await waitFor(
      async () => (await request(h.url).get(`/api/tickets/${t.id}`)).body.withdrawnReason === 'event-cancelled',
      {
        what: 'withdrawn',
      },
    );
  }
  const mine = await request(h.url).get(`/api/tickets/user/${seller.id}`).set('Authorization', seller.bearer);
  expect(
    mine.body.items.map((t: { status: string; withdrawnReason?: string }) => [t.status, t.withdrawnReason]),
  ).toEqual(listed.map(() => ['withdrawn', 'event-cancelled']));
  expect((await request(h.url).get(`/api/events/${event}`)).body.status).toBe('cancelled');
  // Each listing changed once, however many passes and deliveries reached it.
  const versions = await Promise.all(
    listed.map(async (t) => (await h.tickets.findOne({ _id: t.id as never }))?.version),
  );
  expect(versions).toEqual([2, 2, 2]);
});

it('an event that starts: its listings are withdrawn as expired; one relisted is withdrawn again', async () => {
  const event = FIXTURE_IDS.hamiltonNewYork;
  const seller = fakeUser();
  const body = ticketBody(event);
  const created = await request(h.url).post('/api/tickets/create').set('Authorization', seller.bearer).send(body);
  expect(created.status).toBe(201);
  const ticket = () => request(h.url).get(`/api/tickets/${created.body.id}`);
  await control(event, { dates: { start: new Date(Date.now() - 60_000).toISOString() } });
  await waitFor(async () => (await ticket()).body.withdrawnReason === 'expired', { what: 'expired' });
  expect((await ticket()).body).toMatchObject({ status: 'withdrawn', withdrawnReason: 'expired' });

  // The seller lists the serial again: the next sync pass takes it off sale again.
  const again = await request(h.url).post('/api/tickets/create').set('Authorization', seller.bearer).send(body);
  expect(again.status).toBe(201);
  expect(again.body.withdrawnReason).toBeUndefined();
  await waitFor(async () => (await ticket()).body.withdrawnReason === 'expired', { what: 'expired again' });
});
