import { DELIVERY_METHODS, DISCLOSURES, SPLIT_KINDS } from '@bigtix/common';
import { fieldErrorsFromApi, formFieldOf, parseListingForm, type FormLike } from '@/lib/sell/listing-form';
import {
  DELIVERY_LABELS,
  DISCLOSURE_LABELS,
  SPLIT_LABELS,
  optionsOf,
  seatRange,
  seatSummary,
  splitSerials,
} from '@/lib/sell/seat-input';

const EVENT = 'vvG1OMw20GdtWRW4';

function form(fields: Record<string, string | string[]>): FormLike {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
}

const seated = {
  section: '101',
  seating: 'seated',
  row: 'A',
  seatFrom: '7',
  seatThru: '10',
  serials: 'SN-1; SN-2;SN-3 ;SN-4',
  splits: 'pairs',
  price: '85.50',
  delivery: 'pdf',
  disclosures: ['obstructed_view', 'parking'],
  notes: ' Aisle ',
};

describe('parseListingForm', () => {
  it('reads a seated group: one seat label and one serial per seat, dollars in cents', () => {
    expect(parseListingForm(EVENT, form(seated))).toEqual({
      ok: true,
      input: {
        eventId: EVENT,
        section: '101',
        row: 'A',
        seats: ['7', '8', '9', '10'],
        quantity: 4,
        price: 8_550,
        faceValue: null,
        splits: 'pairs',
        inHandDate: null,
        delivery: 'pdf',
        disclosures: ['obstructed_view', 'parking'],
        notes: 'Aisle',
        serials: ['SN-1', 'SN-2', 'SN-3', 'SN-4'],
      },
    });
  });

  it('reads the optional face value in cents and the in-hand date; empty means not given', () => {
    const r = parseListingForm(EVENT, form({ ...seated, faceValue: '120', inHandDate: '2026-12-20' }));
    expect(r).toMatchObject({ ok: true, input: { faceValue: 12_000, inHandDate: '2026-12-20' } });
    expect(parseListingForm(EVENT, form({ ...seated, faceValue: ' ', inHandDate: '' }))).toMatchObject({
      ok: true,
      input: { faceValue: null, inHandDate: null },
    });
  });

  it('explains a face value or in-hand date it cannot read next to that field', () => {
    const r = parseListingForm(EVENT, form({ ...seated, faceValue: 'twelve', inHandDate: '2026-02-30' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.faceValue).toMatch(/face value like 120/);
    expect(r.errors.inHandDate).toMatch(/real date/);
    expect(Object.keys(r.errors).sort()).toEqual(['faceValue', 'inHandDate']);
  });

  it('reads general admission as a quantity, with no row or seats', () => {
    const r = parseListingForm(
      EVENT,
      form({ section: 'GA', seating: 'ga', quantity: '3', serials: 'A\nB\nC', price: '40', row: 'ignored' }),
    );
    expect(r.ok && r.input).toMatchObject({ section: 'GA', quantity: 3, serials: ['A', 'B', 'C'], splits: 'any' });
    expect(r.ok && r.input).not.toHaveProperty('row');
    expect(r.ok && r.input).not.toHaveProperty('seats');
  });

  it('counts the serials against the seats, naming both numbers', () => {
    expect(parseListingForm(EVENT, form({ ...seated, serials: 'SN-1;SN-2;SN-3' }))).toEqual({
      ok: false,
      errors: { serials: 'Enter 4 serial numbers, one per seat separated by ";" (you entered 3)' },
    });
  });

  it('names every bad field at once', () => {
    const r = parseListingForm(EVENT, form({ ...seated, section: '', row: '', price: 'cheap', seatThru: '5' }));
    expect(r.ok).toBe(false);
    expect(!r.ok && Object.keys(r.errors).sort()).toEqual(['price', 'row', 'seats', 'section']);
    expect(!r.ok && r.errors.price).toBe('Enter a price per ticket like 45 or 45.50');
    expect(!r.ok && r.errors.seats).toBe('The last seat (5) comes before the first (7)');
  });

  it('refuses a split rule the group cannot be sold down with, and a repeated serial', () => {
    const odd = parseListingForm(EVENT, form({ ...seated, seatThru: '9', serials: 'A;B;C' }));
    expect(!odd.ok && odd.errors.splits).toMatch(/^Cannot sell 3 seat\(s\) down to none/);
    const twice = parseListingForm(EVENT, form({ ...seated, serials: 'A;B;A;C' }));
    expect(!twice.ok && twice.errors.serials).toBe('Must not repeat a serial');
  });

  it('refuses a price below what Stripe can charge for one ticket', () => {
    const r = parseListingForm(EVENT, form({ ...seated, price: '0.10' }));
    expect(!r.ok && r.errors.price).toMatch(/^Must be at least \d+ cents/);
  });

  it('refuses a range of more seats than one listing may hold', () => {
    const r = parseListingForm(EVENT, form({ ...seated, seatFrom: '1', seatThru: '1001' }));
    expect(!r.ok && r.errors).toEqual({ seats: 'At most 1000 seats in one listing' });
  });

  it('refuses a quantity that is not a whole number', () => {
    const r = parseListingForm(
      EVENT,
      form({ section: 'GA', seating: 'ga', quantity: '2.5', serials: 'A;B', price: '4' }),
    );
    expect(!r.ok && r.errors.quantity).toMatch(/^Enter how many tickets/);
  });
});

describe('seatRange, seatSummary, splitSerials and the options (what the browser works out)', () => {
  it('numbers consecutive seats, odd/even sides, and a single labelled seat', () => {
    expect(seatRange('7', '10')).toEqual({ seats: ['7', '8', '9', '10'] });
    expect(seatRange('7', '13', 2)).toEqual({ seats: ['7', '9', '11', '13'] });
    expect(seatRange('7', '12', 2)).toEqual({ error: 'Seats 7 and 12 are not both odd or both even' });
    expect(seatRange('A', '')).toEqual({ seats: ['A'] });
    expect(seatRange('A', 'D')).toHaveProperty('error');
    expect(seatRange('', '4')).toEqual({ error: 'Enter the first seat' });
  });

  it('sums a range up, by its ends when long', () => {
    expect(seatSummary(['7', '8'])).toBe('2 seats: 7, 8');
    expect(seatSummary(['A'])).toBe('1 seat: A');
    expect(seatSummary(Array.from({ length: 20 }, (_, i) => String(i + 1)))).toBe('20 seats: 1–20');
  });

  it('offers every split rule, delivery method and disclosure the API accepts, and no other', () => {
    expect(optionsOf(SPLIT_LABELS).sort()).toEqual([...SPLIT_KINDS].sort());
    expect(optionsOf(DELIVERY_LABELS).sort()).toEqual([...DELIVERY_METHODS].sort());
    expect(optionsOf(DISCLOSURE_LABELS).sort()).toEqual([...DISCLOSURES].sort());
  });

  it('splits serials on ";" or new lines and drops blanks', () => {
    expect(splitSerials(' a ;b;;\n c\r\n')).toEqual(['a', 'b', 'c']);
    expect(splitSerials('')).toEqual([]);
  });
});

describe('fieldErrorsFromApi', () => {
  it('puts the listings API’s messages next to the fields they name; the rest stays general', () => {
    expect(formFieldOf('listings.0.serials')).toBe('serials');
    expect(formFieldOf('listings.0.seats.2')).toBe('seats');
    expect(formFieldOf('listings.0.eventId')).toBeNull();
    expect(
      fieldErrorsFromApi([
        { field: 'listings.0.serials', message: 'listings.0.serials must list one serial per seat (4)' },
        { field: 'listings.0.serials', message: 'listings.0.serials: serial "X" repeats row 0' },
        { field: 'listings.0.eventId', message: 'listings.0.eventId: this event has been cancelled' },
        { message: 'Invalid request body' },
      ]),
    ).toEqual({
      fields: { serials: 'Must list one serial per seat (4); Serial "X" repeats row 0' },
      general: ['This event has been cancelled', 'Invalid request body'],
    });
  });
});
