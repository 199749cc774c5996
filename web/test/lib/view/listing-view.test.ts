import type { ListingDto, TicketDto } from '@bigtix/common';
import { listingDetails, seatLabel, seatsLabel, toSellerListings } from '@/lib/view/listing';
import { seatmapOf } from '@/lib/view/event';
import { toTicketView } from '@/lib/view/ticket';

const listing: ListingDto = {
  id: 'aaaaaaaaaaaaaaaaaaaaaaaa',
  eventId: 'vvG1OMw20GdtWRW4',
  sellerId: 'seller-1',
  section: '101',
  row: 'A',
  seats: ['7', '8', '9', '10'],
  quantity: 4,
  available: 1,
  sellable: [1],
  price: 8_550,
  allInPrice: 9_405,
  currency: 'usd',
  faceValue: null,
  splits: 'any',
  inHandDate: null,
  delivery: 'mobile_transfer',
  disclosures: [],
  notes: '',
  status: 'active',
  version: 2,
  createdAt: '2026-01-02T00:00:00.000Z',
};

const seat = (n: number, status: TicketDto['status'], extra: Partial<TicketDto> = {}): TicketDto => ({
  id: `${n}`.padStart(24, 'b'),
  title: `Section 101, Row A, Seat ${6 + n}`,
  price: 8_550,
  currency: 'usd',
  description: '',
  eventId: listing.eventId,
  userId: 'seller-1',
  sellerId: 'seller-1',
  status,
  version: 1,
  createdAt: '2026-01-02T00:00:00.000Z',
  listingId: listing.id,
  section: '101',
  row: 'A',
  seat: `${6 + n}`,
  ...extra,
});

describe('toSellerListings (My listings)', () => {
  it('shows a group with where its seats are, what is still for sale, held and sold, and the price each', () => {
    const tickets = [seat(1, 'sold'), seat(2, 'sold'), seat(3, 'held'), seat(4, 'available')].map(toTicketView);
    expect(toSellerListings([listing], tickets)).toEqual([
      {
        id: listing.id,
        kind: 'listing',
        eventId: listing.eventId,
        title: 'Section 101 · Row A, seats 7–10',
        section: '101',
        seatsLabel: 'Row A, seats 7–10',
        quantity: 4,
        available: 1,
        held: 1,
        sold: 2,
        countsLabel: '1 of 4 for sale · 1 held · 2 sold',
        status: 'available',
        priceLabel: '$85.50',
        proceedsLabel: '$76.95',
        allInLabel: '$94.05',
        priceDollars: '85.50',
        createdAt: listing.createdAt,
      },
    ]);
  });

  it('calls a group with nothing for sale held, then sold; a withdrawn one delisted with BigTix’s reason', () => {
    const none = { ...listing, available: 0, sellable: [] };
    const held = toSellerListings([none], [seat(1, 'held'), seat(2, 'sold')].map(toTicketView))[0];
    expect([held.status, held.countsLabel]).toEqual(['held', '0 of 4 for sale · 1 held · 1 sold']);
    expect(toSellerListings([none], [seat(1, 'sold')].map(toTicketView))[0].status).toBe('sold');
    const cancelled = toSellerListings(
      [{ ...listing, status: 'withdrawn' }],
      [seat(1, 'withdrawn', { withdrawnReason: 'event-cancelled' })].map(toTicketView),
    )[0];
    expect(cancelled).toMatchObject({ status: 'withdrawn', withdrawnReason: 'event-cancelled', available: 0 });
  });

  it('keeps a ticket listed before listings existed as a row of its own, newest first', () => {
    const old = toTicketView({ ...seat(9, 'available'), listingId: undefined, createdAt: '2025-12-01T00:00:00.000Z' });
    const rows = toSellerListings([listing], [old]);
    expect(rows.map((r) => [r.kind, r.id, r.countsLabel])).toEqual([
      ['listing', listing.id, '1 of 4 for sale'],
      ['ticket', old.id, '1 of 1 for sale'],
    ]);
  });
});

describe('seat labels', () => {
  it('names a range, one seat and general admission', () => {
    expect(seatsLabel('F', ['7', '8', '9'])).toBe('Row F, seats 7–9');
    expect(seatsLabel('F', ['7'])).toBe('Row F, seat 7');
    expect(seatsLabel(null, null)).toBe('General admission');
    expect(seatLabel('101', 'A', '3')).toBe('Section 101 · Row A · Seat 3');
    expect(seatLabel('GA', null, null)).toBe('Section GA · General admission');
    expect(seatLabel(null, null, null)).toBeNull();
  });
});

describe('listingDetails (what a buyer reads under a listing)', () => {
  const plain: Parameters<typeof listingDetails>[0] = {
    delivery: 'mobile_transfer',
    inHandDate: null,
    faceValue: null,
    currency: 'usd',
    disclosures: [],
    notes: '',
  };

  it('says how the tickets come, and nothing more when the seller said nothing more', () => {
    expect(listingDetails(plain)).toEqual(['Mobile transfer']);
  });

  it('adds when the seller will have them, the face value, disclosures and notes, in that order', () => {
    expect(
      listingDetails({
        ...plain,
        delivery: 'pdf',
        inHandDate: '2026-12-20',
        faceValue: 12_050,
        disclosures: ['obstructed_view', 'parking'],
        notes: 'Aisle',
      }),
    ).toEqual(['PDF', 'In hand by Dec 20, 2026', 'Face value $120.50', 'Obstructed view', 'Includes parking', 'Aisle']);
  });
});

describe('seatmapOf (event page)', () => {
  it('shows an http(s) seat map and nothing else', () => {
    const url = 'https://maps.ticketmaster.com/maps/geometry/3/event/X/staticImage?type=png&systemId=HOST';
    expect(seatmapOf({ seatmapUrl: url })).toBe(url);
    expect(seatmapOf({})).toBeNull();
    expect(seatmapOf({ seatmapUrl: 'javascript:alert(1)' })).toBeNull();
    expect(seatmapOf({ seatmapUrl: '/relative.png' })).toBeNull();
  });
});
