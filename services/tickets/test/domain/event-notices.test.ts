import { noticeFor } from '../../src/domain/notifications/email-event-change';
import { eventNoticeFact } from '../../src/models/keys';
import { formatEventDate } from '../../src/domain/notifications/describe-event';

const at = '2026-07-01T23:00:00.000Z';

describe('which event changes buyers and sellers are told of', () => {
  it('cancelled, postponed and rescheduled always; a new start date; nothing else', () => {
    const onsale = { status: 'onsale' as const, start: at };
    expect(noticeFor({ status: 'cancelled', start: at }, onsale)).toBe('cancelled');
    expect(noticeFor({ status: 'postponed', start: null }, null)).toBe('postponed');
    expect(noticeFor({ status: 'rescheduled', start: at }, onsale)).toBe('rescheduled');
    expect(noticeFor({ status: 'onsale', start: '2026-08-01T23:00:00.000Z' }, onsale)).toBe('moved');
    // The same start as a stored Date: no change (e.g. only "started" or the end changed).
    expect(noticeFor({ status: 'onsale', start: at }, { status: 'onsale', start: new Date(at) })).toBeNull();
    expect(noticeFor({ status: 'offsale', start: at }, onsale)).toBeNull();
    // First sight of an event on sale: nothing happened to anyone's tickets.
    expect(noticeFor({ status: 'onsale', start: at }, null)).toBeNull();
  });

  it('keys a notice by event, status, start and user: a postponement and a later cancellation are two facts', () => {
    const postponed = eventNoticeFact({ eventId: 'E1', status: 'postponed', start: null }, 'u1');
    const cancelled = eventNoticeFact({ eventId: 'E1', status: 'cancelled', start: null }, 'u1');
    expect(postponed).toBe('event:E1:postponed:tba:u1');
    expect(cancelled).not.toBe(postponed);
    expect(eventNoticeFact({ eventId: 'E1', status: 'rescheduled', start: at }, 'u1')).toBe(
      `event:E1:rescheduled:${at}:u1`,
    );
  });

  it('writes dates for people, in the venue time zone when known', () => {
    // ICU versions differ on the joint (" at " or ", ").
    expect(formatEventDate(at, 'America/New_York')).toMatch(/^Wednesday, July 1, 2026(,| at) 7:00 PM EDT$/);
    expect(formatEventDate('2026-07-01', null)).toBe('Wednesday, July 1, 2026');
    expect(formatEventDate(null, null)).toBeNull();
  });
});
