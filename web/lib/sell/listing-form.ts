import {
  LISTING_MAX_SEATS,
  listingInputSchema,
  parseDollarsToCents,
  type ErrorItem,
  type ListingInput,
} from '@bigtix/common';
import { seatRange, splitSerials } from './seat-input';

/**
 * The Sell page's form, read into the listings API's input (`POST /api/listings`): seats from a
 * range (or a general-admission quantity), one serial per seat from one `;`-separated field,
 * dollars into integer cents. Pure, so the server action and its tests share it; the API checks
 * everything again, and what it refuses comes back to the same fields (`fieldErrorsFromApi`).
 */

/** The form's fields that can carry a message (`seats` sits under the seat range). */
export const LISTING_FIELDS = [
  'section',
  'row',
  'seats',
  'quantity',
  'serials',
  'splits',
  'price',
  'faceValue',
  'inHandDate',
  'delivery',
  'disclosures',
  'notes',
] as const;
export type ListingField = (typeof LISTING_FIELDS)[number];
export type FieldErrors = Partial<Record<ListingField, string>>;

export type ListingFormResult = { ok: true; input: ListingInput } | { ok: false; errors: FieldErrors };

/** What a form post carries: FormData on the server, a plain record in tests. */
export interface FormLike {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
}

const text = (form: FormLike, name: string) => String(form.get(name) ?? '').trim();

/** Reads the Sell form for one event. */
export function parseListingForm(eventId: string, form: FormLike): ListingFormResult {
  const errors: FieldErrors = {};
  const seated = text(form, 'seating') !== 'ga';

  let seats: string[] | undefined;
  let quantity = 0;
  if (seated) {
    const range = seatRange(text(form, 'seatFrom'), text(form, 'seatThru'), text(form, 'seatStep') === '2' ? 2 : 1);
    if ('error' in range) errors.seats = range.error;
    else if (range.seats.length > LISTING_MAX_SEATS) errors.seats = `At most ${LISTING_MAX_SEATS} seats in one listing`;
    else [seats, quantity] = [range.seats, range.seats.length];
    if (!text(form, 'row')) errors.row = 'Enter the row (or choose general admission)';
  } else {
    quantity = Number(text(form, 'quantity'));
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > LISTING_MAX_SEATS) {
      errors.quantity = `Enter how many tickets, 1 to ${LISTING_MAX_SEATS}`;
      quantity = 0;
    }
  }

  const serials = splitSerials(text(form, 'serials'));
  if (quantity > 0 && serials.length !== quantity)
    errors.serials = `Enter ${quantity} serial number${quantity === 1 ? '' : 's'}, one per ${seated ? 'seat' : 'ticket'} separated by ";" (you entered ${serials.length})`;

  const price = parseDollarsToCents(text(form, 'price'));
  if (price === null) errors.price = 'Enter a price per ticket like 45 or 45.50';

  // Both optional: empty means not given.
  const faceText = text(form, 'faceValue');
  const faceValue = faceText ? parseDollarsToCents(faceText) : null;
  if (faceText && faceValue === null) errors.faceValue = 'Enter the face value like 120 or 120.50, or leave it empty';
  const inHandDate = text(form, 'inHandDate') || null;

  const splits = text(form, 'splits') || 'any';
  const delivery = text(form, 'delivery') || 'mobile_transfer';
  const disclosures = form
    .getAll('disclosures')
    .map(String)
    .filter((d) => d !== '');
  const candidate = {
    eventId,
    section: text(form, 'section'),
    ...(seated ? { row: text(form, 'row'), seats } : {}),
    quantity,
    price,
    faceValue,
    inHandDate,
    splits,
    delivery,
    disclosures,
    notes: text(form, 'notes'),
    serials,
  };
  const parsed = listingInputSchema.safeParse(candidate);
  // Without a seat count (a bad range or quantity, named above) the counts cannot be checked.
  const countless = new Set<ListingField>(quantity === 0 ? ['quantity', 'seats', 'serials', 'splits'] : []);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const named = formFieldOf(String(issue.path[0] ?? ''));
      // A seated group's quantity is its seat range.
      const field = named === 'quantity' && seated ? 'seats' : named;
      // The checks above already explain their fields in the form's words.
      if (field && !errors[field] && !countless.has(field)) errors[field] = sentence(issue.message);
    }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors: withFallback(errors) };
  return { ok: true, input: parsed.data };
}

/** The form field an API field path points at (`listings.0.serials.2` → `serials`). */
export function formFieldOf(path: string): ListingField | null {
  const first = path.replace(/^listings\.\d+\./, '').split('.')[0];
  return (LISTING_FIELDS as readonly string[]).includes(first) ? (first as ListingField) : null;
}

/** A 400's `errors` by form field; what names no field (the event, the request) stays general. */
export function fieldErrorsFromApi(items: readonly ErrorItem[]): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const item of items) {
    const field = item.field ? formFieldOf(item.field) : null;
    // "listings.0.serials: serial … repeats" / "listings.0.serials must list…": the field is shown already.
    const message = sentence(item.message.replace(/^listings\.\d+\.[\w.]+:?\s*/, ''));
    if (field) fields[field] = fields[field] ? `${fields[field]}; ${message}` : message;
    else general.push(message);
  }
  return { fields, general };
}

function sentence(message: string): string {
  const m = message.trim();
  return m ? m[0].toUpperCase() + m.slice(1) : m;
}

/** A field error every form shows somewhere: one the schema put on no field still says something. */
function withFallback(errors: FieldErrors): FieldErrors {
  return Object.keys(errors).length > 0 ? errors : { section: 'Check the listing and try again' };
}
