import { FIXTURE_IDS, startFakeTicketmaster } from '@bigtix/fake-ticketmaster';
import { discoveryEventSchedule, endOf } from '../../../src/adapters/ticketmaster/event-schedule';

describe('endOf', () => {
  it('takes Discovery’s end, else its start, and a date without a time from the end of that day', () => {
    expect(endOf({ start: { dateTime: '2026-05-01T20:00:00Z' }, end: { dateTime: '2026-05-01T23:30:00Z' } })).toBe(
      Date.parse('2026-05-01T23:30:00Z'),
    );
    expect(endOf({ start: { dateTime: '2026-05-01T20:00:00Z', localDate: '2026-05-01' } })).toBe(
      Date.parse('2026-05-01T20:00:00Z'),
    );
    expect(endOf({ start: { localDate: '2026-05-01' } })).toBe(Date.parse('2026-05-02T00:00:00Z'));
    expect(endOf({ start: {} })).toBeNull();
    expect(endOf(undefined)).toBeNull();
  });
});

describe('discoveryEventSchedule against the fake Discovery API', () => {
  it('reads an event’s end and status, sees a moved event after the cache time, and answers null for an unknown one', async () => {
    const tm = await startFakeTicketmaster({ rateLimitPerSecond: 0 });
    try {
      let now = Date.now();
      const lookup = discoveryEventSchedule(
        { baseUrl: tm.url, apiKey: 'fake-ticketmaster-key', timeoutMs: 5_000, cacheMs: 60_000 },
        () => now,
      );
      const id = FIXTURE_IDS.erasTourMetLife;
      const first = await lookup(id);
      expect(first).toMatchObject({ eventId: id, status: 'onsale' });
      expect(first!.endsAt).toBeGreaterThan(Date.now());

      await fetch(`${tm.url}/__control/events/${id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ dates: { end: '2026-01-01T03:00:00Z' }, status: 'rescheduled' }),
      });
      expect(await lookup(id)).toEqual(first); // cached
      now += 60_001;
      expect(await lookup(id)).toEqual({
        eventId: id,
        endsAt: Date.parse('2026-01-01T03:00:00Z'),
        status: 'rescheduled',
      });
      expect(await lookup('vvG1ZZZZnotAnEvent')).toBeNull();
    } finally {
      await tm.close();
    }
  });
});
