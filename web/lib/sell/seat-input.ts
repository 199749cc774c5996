// What the Sell form works out in the browser as the seller types: the seats of a range, the
// serials of the one field, and the options' labels. No runtime import from `@bigtix/common`'s
// index on purpose: that barrel carries every zod schema, ~100 kB gzip in the Sell page's bundle.
// Type imports only; the server checks everything again with the real schema (listing-form.ts).
import type { DeliveryMethod, Disclosure, SplitRule } from '@bigtix/common';

/** Serial numbers typed in one field: separated by `;` (or one per line), blanks ignored. */
export function splitSerials(raw: string): string[] {
  return raw
    .split(/[;\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Seat labels from a "from–thru" range in seat order. `step` 2 is a side section numbered odd or
 * even only (1, 3, 5…). A single seat may be any label; a range needs whole numbers.
 */
export function seatRange(from: string, thru: string, step = 1): { seats: string[] } | { error: string } {
  const [a, b] = [from.trim(), thru.trim() || from.trim()];
  if (!a) return { error: 'Enter the first seat' };
  if (a === b) return { seats: [a] };
  if (!/^\d{1,5}$/.test(a) || !/^\d{1,5}$/.test(b))
    return { error: 'A range of seats needs whole seat numbers (for one seat, leave "thru" empty)' };
  const [lo, hi] = [Number(a), Number(b)];
  if (hi < lo) return { error: `The last seat (${hi}) comes before the first (${lo})` };
  if ((hi - lo) % step !== 0) return { error: `Seats ${lo} and ${hi} are not both odd or both even` };
  return { seats: Array.from({ length: (hi - lo) / step + 1 }, (_, i) => String(lo + i * step)) };
}

/** "4 seats: 7, 8, 9, 10"; a long range is shown by its ends. */
export function seatSummary(seats: readonly string[]): string {
  const n = `${seats.length} seat${seats.length === 1 ? '' : 's'}`;
  return seats.length <= 12 ? `${n}: ${seats.join(', ')}` : `${n}: ${seats[0]}–${seats[seats.length - 1]}`;
}

export const SPLIT_LABELS: Record<Extract<SplitRule, string>, string> = {
  any: 'Any quantity',
  pairs: 'Pairs only (even quantities)',
  'avoid-one': 'Never leave a single seat',
  all: 'All together only',
};
export const DELIVERY_LABELS: Record<DeliveryMethod, string> = {
  mobile_transfer: 'Mobile transfer',
  pdf: 'PDF',
  barcode: 'Barcode',
};
export const DISCLOSURE_LABELS: Record<Disclosure, string> = {
  obstructed_view: 'Obstructed view',
  limited_view: 'Limited view',
  wheelchair: 'Wheelchair accessible',
  age_restricted: 'Age restricted',
  parking: 'Includes parking',
};
/** The options in the order the form lists them (every value the API accepts, by the types above). */
export const optionsOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as K[];
