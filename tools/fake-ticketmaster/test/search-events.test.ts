import type { RunningFakeTicketmaster } from '../src';
import { FIXTURE_IDS } from '../src';
import { search, startFake } from './helpers';

let fake: RunningFakeTicketmaster;

beforeAll(async () => {
  fake = await startFake();
});
afterAll(() => fake.close());

const ids = (body: any): string[] => (body._embedded?.events ?? []).map((e: any) => e.id);

describe('GET /discovery/v2/events.json', () => {
  it('answers a page of events in the Discovery v2 shape', async () => {
    const { status, headers, body } = await search(fake);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(body.page).toEqual({ size: 20, totalElements: fake.catalogue.length, totalPages: 4, number: 0 });
    expect(body._embedded.events).toHaveLength(20);
    expect(Object.keys(body._links)).toEqual(['first', 'self', 'next', 'last']);

    const event = body._embedded.events[0];
    expect(event).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        name: expect.any(String),
        type: 'event',
        url: expect.stringMatching(/^https:\/\/www\.ticketmaster\./),
        locale: 'en-us',
        images: expect.any(Array),
        classifications: [expect.objectContaining({ segment: expect.objectContaining({ name: expect.any(String) }) })],
        _links: expect.objectContaining({ self: { href: `/discovery/v2/events/${event.id}?locale=en-us` } }),
      }),
    );
    expect(event.dates).toEqual(
      expect.objectContaining({
        start: expect.objectContaining({
          localDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          localTime: expect.stringMatching(/^\d{2}:\d{2}:\d{2}$/),
          dateTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        }),
        timezone: expect.any(String),
        status: { code: expect.stringMatching(/^(onsale|offsale|cancelled|postponed|rescheduled)$/) },
      }),
    );
    expect(event._embedded.venues[0]).toEqual(
      expect.objectContaining({
        name: expect.any(String),
        id: expect.any(String),
        city: { name: expect.any(String) },
        country: { name: expect.any(String), countryCode: expect.stringMatching(/^[A-Z]{2}$/) },
        address: { line1: expect.any(String) },
        location: { longitude: expect.any(String), latitude: expect.any(String) },
        timezone: expect.any(String),
      }),
    );
  });

  it('sorts by date ascending by default', async () => {
    const { body } = await search(fake, { size: 200 });
    const times = body._embedded.events.map((e: any) => Date.parse(e.dates.start.dateTime ?? e.dates.start.localDate));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(body._embedded.events[0].id).toBe(FIXTURE_IDS.soonest);
  });

  it('matches keywords case-insensitively anywhere in the name', async () => {
    const { body } = await search(fake, { keyword: 'eRaS tOuR' });
    expect(body.page.totalElements).toBe(4);
    for (const e of body._embedded.events) expect(e.name).toBe('Taylor Swift | The Eras Tour');
  });

  it('decodes keywords with reserved URL characters', async () => {
    const keyword = 'AC/DC & friends #1';
    // Built by hand with encodeURIComponent: a raw "&" or "#" would cut the keyword short.
    const url = `${fake.url}/discovery/v2/events.json?apikey=test-key&keyword=${encodeURIComponent(keyword)}`;
    const body = (await (await fetch(url)).json()) as any;
    expect(ids(body)).toEqual([FIXTURE_IDS.acdcAndFriends]);
    expect(body._links.self.href).toBe(
      `/discovery/v2/events.json?keyword=${encodeURIComponent(keyword).replace(/%20/g, '+')}`,
    );

    const broader = await search(fake, { keyword: 'ac/dc' });
    expect(broader.body.page.totalElements).toBe(2);
    const accented = await search(fake, { keyword: 'Beyoncé' });
    expect(accented.body.page.totalElements).toBe(2);
  });

  it('filters by city, case-insensitively, and by a comma-separated list of cities', async () => {
    const chicago = await search(fake, { city: 'chicago', size: 200 });
    expect(chicago.body.page.totalElements).toBeGreaterThan(0);
    for (const e of chicago.body._embedded.events) expect(e._embedded.venues[0].city.name).toBe('Chicago');

    const both = await search(fake, { city: 'Chicago,Nashville', size: 200 });
    const nashville = await search(fake, { city: 'Nashville', size: 200 });
    expect(both.body.page.totalElements).toBe(chicago.body.page.totalElements + nashville.body.page.totalElements);
  });

  it('filters by country code and classification name at any level', async () => {
    const gb = await search(fake, { countryCode: 'GB', size: 200 });
    expect(gb.body.page.totalElements).toBeGreaterThan(0);
    for (const e of gb.body._embedded.events) expect(e._embedded.venues[0].country.countryCode).toBe('GB');

    const sports = await search(fake, { classificationName: 'sports', size: 200 });
    const hockey = await search(fake, { classificationName: 'Hockey', size: 200 });
    expect(hockey.body.page.totalElements).toBeGreaterThan(0);
    expect(sports.body.page.totalElements).toBeGreaterThan(hockey.body.page.totalElements);
    for (const e of sports.body._embedded.events) expect(e.classifications[0].segment.name).toBe('Sports');
  });

  it('keeps only events inside a startDateTime/endDateTime window', async () => {
    const all = await search(fake, { size: 200 });
    const events = all.body._embedded.events.filter((e: any) => e.dates.start.dateTime);
    const from = events[10].dates.start.dateTime as string;
    const to = events[19].dates.start.dateTime as string;
    const { status, body } = await search(fake, { startDateTime: from, endDateTime: to, size: 200 });
    expect(status).toBe(200);
    expect(body.page.totalElements).toBeGreaterThanOrEqual(10);
    for (const e of body._embedded.events) {
      const t = Date.parse(e.dates.start.dateTime ?? e.dates.start.localDate);
      expect(t).toBeGreaterThanOrEqual(Date.parse(from));
      expect(t).toBeLessThanOrEqual(Date.parse(to));
    }
    expect(ids(body)).toContain(events[10].id);
    expect(ids(body)).toContain(events[19].id);
    expect(ids(body)).not.toContain(events[0].id);
  });

  it('rejects date-times not in YYYY-MM-DDTHH:mm:ssZ form like the real API', async () => {
    for (const bad of ['2026-10-06T15:06:52.000Z', '2026-10-06T15:06:52', '2026-10-06']) {
      const { status, body } = await search(fake, { startDateTime: bad });
      expect(status).toBe(400);
      expect(body.errors[0].code).toBe('DIS1015');
    }
  });

  it('pages with a 0-based page number, totalPages and navigation links', async () => {
    const first = await search(fake, { size: 7, page: 0 });
    const total = fake.catalogue.length;
    const totalPages = Math.ceil(total / 7);
    expect(first.body.page).toEqual({ size: 7, totalElements: total, totalPages, number: 0 });

    const last = await search(fake, { size: 7, page: totalPages - 1 });
    expect(last.body._embedded.events).toHaveLength(total - 7 * (totalPages - 1));
    expect(last.body._links.next).toBeUndefined();
    expect(last.body._links.prev.href).toBe(`/discovery/v2/events.json?size=7&page=${totalPages - 2}`);

    const seen: string[] = [];
    for (let page = 0; page < totalPages; page++) seen.push(...ids((await search(fake, { size: 7, page })).body));
    expect(new Set(seen).size).toBe(total);

    expect(first.body._links.next.href).toBe('/discovery/v2/events.json?size=7&page=1');
    expect(JSON.stringify(first.body._links)).not.toContain('apikey');
  });

  it('leaves out _embedded entirely when nothing matches', async () => {
    const { status, body } = await search(fake, { keyword: 'no such band anywhere' });
    expect(status).toBe(200);
    expect(body).not.toHaveProperty('_embedded');
    expect(body.page).toEqual({ size: 20, totalElements: 0, totalPages: 0, number: 0 });
    expect(Object.keys(body._links)).toEqual(['self']);

    const pastTheEnd = await search(fake, { size: 50, page: 5 });
    expect(pastTheEnd.body).not.toHaveProperty('_embedded');
    expect(pastTheEnd.body.page.number).toBe(5);
  });

  it('refuses to page deeper than 1,000 results with DIS1035', async () => {
    const { status, headers, body } = await search(fake, { size: 200, page: 5 });
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          code: 'DIS1035',
          detail: 'API Limits Exceeded: Max paging depth exceeded. (page * size) must be less than 1,000',
          status: '400 BAD_REQUEST',
          _links: { about: { href: '/discovery/v2/errors.html#DIS1035' } },
        },
      ],
    });
    expect(headers.get('rate-limit')).toBeNull();
    expect((await search(fake, { size: 20, page: 49 })).status).toBe(200);
    expect((await search(fake, { size: 20, page: 50 })).status).toBe(400);
  });

  it('accepts a page size of 200 and rejects larger ones with DIS1036', async () => {
    expect((await search(fake, { size: 200 })).body.page.size).toBe(200);
    const { status, body } = await search(fake, { size: 201 });
    expect(status).toBe(400);
    expect(body.errors[0].code).toBe('DIS1036');
  });

  it('answers 400 with a message for malformed paging or sort parameters', async () => {
    const cases: Record<string, string | number>[] = [
      { size: 'ten' },
      { size: 0 },
      { page: -1 },
      { sort: 'price,asc' },
    ];
    for (const params of cases) {
      const { status, body } = await search(fake, params);
      expect(status).toBe(400);
      expect(body.errors[0].detail).toMatch(/Query param/);
    }
  });

  it('sorts by name and by relevance', async () => {
    const byName = await search(fake, { sort: 'name,asc', size: 200 });
    const names = byName.body._embedded.events.map((e: any) => e.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));

    const relevance = await search(fake, { keyword: 'metallica', sort: 'relevance,desc' });
    expect(relevance.body._embedded.events[0].name.toLowerCase().startsWith('metallica')).toBe(true);
  });
});
