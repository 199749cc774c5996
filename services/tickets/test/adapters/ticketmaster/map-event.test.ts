import { toEventDetails } from '../../../src/adapters/ticketmaster/map-event';

const base = { id: 'vvG1OMw20GdtWRW4', name: 'Eras' };

describe('toEventDetails: seatmapUrl', () => {
  it('passes on an https seat map URL', () => {
    const url = 'https://maps.ticketmaster.com/maps/geometry/3/event/0B005F4A/staticImage?type=png&systemId=HOST';
    expect(toEventDetails({ ...base, seatmap: { staticUrl: url } }).seatmapUrl).toBe(url);
  });

  it.each([
    ['no seatmap', {}],
    ['an empty one', { seatmap: {} }],
    ['a script URL', { seatmap: { staticUrl: 'javascript:alert(1)' } }],
    ['a data URL', { seatmap: { staticUrl: 'data:image/svg+xml,<svg/>' } }],
    ['not a URL', { seatmap: { staticUrl: 'maps/seat.png' } }],
  ])('leaves it out for %s', (_, extra) => {
    expect(toEventDetails({ ...base, ...extra })).not.toHaveProperty('seatmapUrl');
  });
});
