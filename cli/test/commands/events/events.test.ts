import { runEventsSearch } from '../../../src/commands/events/search';
import { runEventsShow } from '../../../src/commands/events/show';
import { UsageError } from '../../../src/lib/errors';
import { testDeps } from '../../support/deps';

const ERAS = {
  id: 'vvG1OMw20GdtWRW4',
  name: 'Taylor Swift | The Eras Tour',
  url: 'https://www.ticketmaster.com/event/vvG1OMw20GdtWRW4',
  date: '2026-07-15T22:30:00Z',
  venue: { name: 'MetLife Stadium', city: 'East Rutherford', state: 'NJ', country: 'US' },
  image: null,
  status: 'onsale',
  priceRange: { min: 49.5, max: 899, currency: 'usd' },
};

describe('events search', () => {
  it('sends the query and prints a table with the page line', async () => {
    const d = await testDeps({
      routes: { 'GET /api/events/search': [200, { items: [ERAS], page: 0, totalPages: 3, totalElements: 41 }] },
    });
    await runEventsSearch({ keyword: 'taylor swift', city: 'East Rutherford' }, d);
    expect(d.requests[0].path).toBe('/api/events/search?keyword=taylor+swift&city=East+Rutherford&page=0&size=20');
    expect(d.requests[0].auth).toBeNull();
    expect(d.stdout()).toMatch(/^ID\s+DATE\s+NAME\s+VENUE\s+FROM\n/);
    expect(d.stdout()).toMatch(
      /vvG1OMw20GdtWRW4 .*Taylor Swift \| The Eras Tour\s+MetLife Stadium, East Rutherford\s+\$49\.50\+/,
    );
    expect(d.stderr()).toBe('page 1 of 3 · 41 event(s)\n');
  });

  it('says so when nothing is found, and answers JSON with --json', async () => {
    const empty = { items: [], page: 0, totalPages: 0, totalElements: 0 };
    const d = await testDeps({ routes: { 'GET /api/events/search': [200, empty] } });
    await runEventsSearch({ keyword: 'nobody' }, d);
    expect(d.stderr()).toBe('No events found for "nobody".\n');
    await runEventsSearch({ keyword: 'nobody', json: true }, d);
    expect(JSON.parse(d.stdout())).toEqual(empty);
  });

  it('refuses a bad date before asking the API', async () => {
    const d = await testDeps();
    await expect(runEventsSearch({ keyword: 'x', from: 'next tuesday' }, d)).rejects.toThrow(UsageError);
    expect(d.requests).toEqual([]);
  });
});

describe('events show', () => {
  it('prints the event’s fields, leaving out the empty ones', async () => {
    const d = await testDeps({
      routes: {
        'GET /api/events/vvG1OMw20GdtWRW4': [
          200,
          { ...ERAS, info: null, images: [], timezone: 'America/New_York', classification: 'Pop' },
        ],
      },
    });
    await runEventsShow({ eventId: ERAS.id }, d);
    expect(d.stdout()).toMatch(/name\s+Taylor Swift \| The Eras Tour/);
    expect(d.stdout()).toMatch(/city\s+East Rutherford, NJ, US/);
    expect(d.stdout()).toMatch(/price range\s+49\.5–899 USD/);
    expect(d.stdout()).not.toMatch(/^info/m);
  });

  it('refuses an id Ticketmaster could not issue, and passes a 404 on', async () => {
    const d = await testDeps({
      routes: { 'GET /api/events/Unknown1': [404, { errors: [{ message: 'No event Unknown1' }] }] },
    });
    await expect(runEventsShow({ eventId: 'not an id' }, d)).rejects.toThrow(UsageError);
    await expect(runEventsShow({ eventId: 'Unknown1' }, d)).rejects.toThrow(/No event Unknown1.*HTTP 404/);
  });
});
