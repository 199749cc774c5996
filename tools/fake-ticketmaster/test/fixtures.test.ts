import {
  buildCatalogue,
  FIXTURE_EVENTS,
  FIXTURE_IDS,
  fixtureCities,
  fixtureEventIds,
  pickFixtureEventId,
  UNKNOWN_EVENT_ID,
} from '../src';

const now = Date.parse('2026-03-01T12:00:00Z');
const catalogue = buildCatalogue({ now });
const byId = new Map(catalogue.map((e) => [e.event.id, e.event]));

describe('fixture catalogue', () => {
  it('has at least 60 events with unique Ticketmaster-like ids', () => {
    const ids = fixtureEventIds();
    expect(ids.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{14,18}$/);
    expect(ids).not.toContain(UNKNOWN_EVENT_ID);
  });

  it('spreads events over at least six cities', () => {
    const cities = new Set(catalogue.map((e) => e.event._embedded.venues[0].city.name));
    expect(cities.size).toBeGreaterThanOrEqual(6);
    expect(fixtureCities()).toEqual(expect.arrayContaining([...cities]));
  });

  it('places every event in the twelve months after the clock it was built with', () => {
    for (const e of catalogue) {
      expect(e.startsAt).toBeGreaterThan(now);
      expect(e.startsAt).toBeLessThan(now + 366 * 24 * 3600 * 1000);
    }
    const later = buildCatalogue({ now: now + 200 * 24 * 3600 * 1000 });
    expect(later.every((e) => e.startsAt > now + 200 * 24 * 3600 * 1000)).toBe(true);
  });

  it('converts local venue times to UTC with the venue time zone', () => {
    const eras = byId.get(FIXTURE_IDS.erasTourMetLife)!;
    const { localDate, localTime, dateTime } = eras.dates.start;
    expect(localTime).toBe('18:30:00');
    // 2026-04-15 is in EDT (UTC-4).
    expect(localDate).toBe('2026-04-15');
    expect(dateTime).toBe('2026-04-15T22:30:00Z');
  });

  it('is deterministic for a given clock', () => {
    expect(JSON.stringify(buildCatalogue({ now }))).toBe(JSON.stringify(catalogue));
  });

  it('includes the irregular cases clients must handle', () => {
    const codes = catalogue.map((e) => e.event.dates.status.code);
    expect(codes).toEqual(expect.arrayContaining(['onsale', 'offsale', 'cancelled', 'postponed', 'rescheduled']));
    expect(catalogue.some((e) => e.event.priceRanges === undefined)).toBe(true);
    expect(catalogue.some((e) => e.event.images.length === 0)).toBe(true);
    expect(byId.get(FIXTURE_IDS.withoutSpecificTime)!.dates.start).toEqual(
      expect.objectContaining({ noSpecificTime: true }),
    );
    expect(byId.get(FIXTURE_IDS.withoutSpecificTime)!.dates.start.dateTime).toBeUndefined();
    expect(byId.get(FIXTURE_IDS.inLondon)!._embedded.venues[0].state).toBeUndefined();
  });

  it('names ids that have the property their name claims', () => {
    expect(byId.get(FIXTURE_IDS.cancelled)!.dates.status.code).toBe('cancelled');
    expect(byId.get(FIXTURE_IDS.postponed)!.dates.status.code).toBe('postponed');
    expect(byId.get(FIXTURE_IDS.rescheduled)!.dates.status.code).toBe('rescheduled');
    expect(byId.get(FIXTURE_IDS.offsale)!.dates.status.code).toBe('offsale');
    expect(byId.get(FIXTURE_IDS.withoutPriceRanges)!.priceRanges).toBeUndefined();
    expect(byId.get(FIXTURE_IDS.withoutImages)!.images).toEqual([]);
    expect(byId.get(FIXTURE_IDS.acdcAndFriends)!.name).toContain('AC/DC & friends #1');
    expect(byId.get(FIXTURE_IDS.erasTourMetLife)!.name).toBe('Taylor Swift | The Eras Tour');
    const soonest = [...catalogue].sort((a, b) => a.startsAt - b.startsAt)[0];
    expect(soonest.event.id).toBe(FIXTURE_IDS.soonest);
  });

  it('picks ids by criteria and refuses impossible ones', () => {
    const id = pickFixtureEventId({ city: 'Chicago', status: 'onsale', withPriceRanges: true });
    const event = byId.get(id)!;
    expect(event._embedded.venues[0].city.name).toBe('Chicago');
    expect(event.priceRanges).toBeDefined();
    expect(() => pickFixtureEventId({ city: 'Atlantis' })).toThrow(/no fixture event/);
    expect(FIXTURE_EVENTS.length).toBe(catalogue.length);
  });

  it('gives most events a static seat map on the real host, and some none', () => {
    const withMap = catalogue.filter((e) => e.event.seatmap);
    expect(withMap.length).toBeGreaterThan(catalogue.length / 2);
    expect(withMap.length).toBeLessThan(catalogue.length);
    expect(byId.get(FIXTURE_IDS.withSeatmap)!.seatmap).toEqual({
      staticUrl: `https://maps.ticketmaster.com/maps/geometry/3/event/${FIXTURE_IDS.withSeatmap}/staticImage?type=png&systemId=HOST`,
      id: 'seatmap',
    });
    expect(byId.get(FIXTURE_IDS.withoutSeatmap)!).not.toHaveProperty('seatmap');
    expect(pickFixtureEventId({ withSeatmap: false })).toBeTruthy();
    const own = buildCatalogue({ now, seatmapBaseUrl: 'http://127.0.0.1:9/' });
    expect(own[0].event.seatmap?.staticUrl ?? own[1].event.seatmap?.staticUrl).toMatch(
      /^http:\/\/127\.0\.0\.1:9\/maps\/geometry\/3\/event\//,
    );
  });
});
