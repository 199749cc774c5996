import type { RunningFakeTicketmaster } from '../src';
import { FIXTURE_IDS, UNKNOWN_EVENT_ID } from '../src';
import { discoveryGet, startFake } from './helpers';

let fake: RunningFakeTicketmaster;

beforeAll(async () => {
  fake = await startFake();
});
afterAll(() => fake.close());

describe('GET /discovery/v2/events/{id}.json', () => {
  it('answers the full event, the same object search returns', async () => {
    const { status, body } = await discoveryGet(fake, `/discovery/v2/events/${FIXTURE_IDS.erasTourMetLife}.json`);
    expect(status).toBe(200);
    expect(body.id).toBe(FIXTURE_IDS.erasTourMetLife);
    expect(body.name).toBe('Taylor Swift | The Eras Tour');
    expect(body.priceRanges).toEqual([{ type: 'standard', currency: 'USD', min: 49.5, max: 899 }]);
    expect(body.pleaseNote).toMatch(/bag/i);
    expect(body.images[0]).toEqual({
      ratio: '16_9',
      url: expect.stringMatching(/^https:\/\/s1\.ticketm\.net\/dam\/a\/.+\.jpg$/),
      width: 640,
      height: 360,
      fallback: false,
    });
    expect(body._embedded.venues[0]).toEqual(
      expect.objectContaining({
        name: 'MetLife Stadium',
        city: { name: 'East Rutherford' },
        state: { name: 'New Jersey', stateCode: 'NJ' },
        country: { name: 'United States Of America', countryCode: 'US' },
      }),
    );

    const searched = await discoveryGet(fake, '/discovery/v2/events.json', { keyword: 'eras', size: 200 });
    expect(searched.body._embedded.events.find((e: any) => e.id === body.id)).toEqual(body);
  });

  it('also answers without the .json suffix', async () => {
    const { status, body } = await discoveryGet(fake, `/discovery/v2/events/${FIXTURE_IDS.cancelled}`);
    expect(status).toBe(200);
    expect(body.dates.status.code).toBe('cancelled');
  });

  it('omits priceRanges and sends an empty image list where the fixture has none', async () => {
    const noPrice = await discoveryGet(fake, `/discovery/v2/events/${FIXTURE_IDS.withoutPriceRanges}.json`);
    expect(noPrice.body).not.toHaveProperty('priceRanges');
    const noImages = await discoveryGet(fake, `/discovery/v2/events/${FIXTURE_IDS.withoutImages}.json`);
    expect(noImages.body.images).toEqual([]);
  });

  it('answers 404 with the real DIS1004 body for an unknown id', async () => {
    const { status, body } = await discoveryGet(fake, `/discovery/v2/events/${UNKNOWN_EVENT_ID}.json`);
    expect(status).toBe(404);
    expect(body).toEqual({
      errors: [
        {
          code: 'DIS1004',
          detail: `Resource not found with provided criteria (locale=en-us, id=${UNKNOWN_EVENT_ID})`,
          status: '404',
          _links: { self: { href: '/discovery/v2/errors.html#DIS1004' } },
        },
      ],
    });
  });

  it('answers 404 for Discovery resources it does not fake', async () => {
    const { status, body } = await discoveryGet(fake, '/discovery/v2/venues.json');
    expect(status).toBe(404);
    expect(body.errors[0].code).toBe('DIS1001');
  });
});
