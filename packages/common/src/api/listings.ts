import { z } from 'zod';
import { BULK_CREATE_MAX, Currency } from '../constants';
import { SPLIT_KINDS, SplitRule, ruleFitsQuantity } from '../listings/seat-blocks';
import { listingPriceSchema, priceCentsSchema } from './common';
import { ticketmasterEventIdSchema } from './tickets';

/** Most seats in one listing (a broker's biggest general-admission block). */
export const LISTING_MAX_SEATS = 1000;
export const DELIVERY_METHODS = ['mobile_transfer', 'pdf', 'barcode'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DISCLOSURES = ['obstructed_view', 'wheelchair', 'age_restricted', 'limited_view', 'parking'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];
export const LISTING_STATUSES = ['active', 'withdrawn'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

const printable = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[\x20-\x7E]+$/, 'must be printable ASCII');

export const splitRuleSchema: z.ZodType<SplitRule> = z.union([
  z.enum(SPLIT_KINDS, { error: `must be one of ${SPLIT_KINDS.join(', ')} or a list of quantities` }),
  z
    .array(z.number().int('must be whole numbers').min(1, 'must be at least 1').max(LISTING_MAX_SEATS))
    .min(1, 'must allow at least one quantity')
    .transform((qs) => [...new Set(qs)].sort((a, b) => a - b)),
]);

const isoDate = z
  .string({ error: 'must be a date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  // Date.parse rolls 2026-02-30 over to March 2: a real date reads back as itself.
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'must be a real date');

/** What a seller may change on a listing after it exists (seats and serials stay put). */
const mutable = {
  price: listingPriceSchema,
  faceValue: priceCentsSchema.nullable(),
  splits: splitRuleSchema,
  inHandDate: isoDate.nullable(),
  delivery: z.enum(DELIVERY_METHODS, { error: `must be one of ${DELIVERY_METHODS.join(', ')}` }),
  disclosures: z.array(z.enum(DISCLOSURES, { error: `must be one of ${DISCLOSURES.join(', ')}` })).max(10),
  notes: z.string({ error: 'must be a string' }).trim().max(1000, 'must be at most 1000 characters'),
};

export const listingInputSchema = z
  .strictObject({
    eventId: ticketmasterEventIdSchema,
    section: printable(50),
    /** Absent for general admission. */
    row: printable(20).optional(),
    /** Seat labels in seat order, one per ticket; absent for general admission. */
    seats: z.array(printable(20)).min(1).max(LISTING_MAX_SEATS).optional(),
    quantity: z.number().int('must be a whole number').min(1).max(LISTING_MAX_SEATS),
    price: mutable.price,
    faceValue: mutable.faceValue.default(null),
    splits: mutable.splits.default('any'),
    inHandDate: mutable.inHandDate.default(null),
    delivery: mutable.delivery.default('mobile_transfer'),
    disclosures: mutable.disclosures.default([]),
    notes: mutable.notes.default(''),
    /** One private serial per seat, in seat order. */
    serials: z.array(printable(100)).min(1).max(LISTING_MAX_SEATS),
    /** The seller's own id for the group: unique per seller, what makes re-imports idempotent. */
    externalRef: printable(100).optional(),
  })
  .superRefine((l, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (l.serials.length !== l.quantity) issue('serials', `must list one serial per seat (${l.quantity})`);
    if (new Set(l.serials).size !== l.serials.length) issue('serials', 'must not repeat a serial');
    if (l.seats) {
      if (l.seats.length !== l.quantity) issue('seats', `must list one seat per ticket (${l.quantity})`);
      if (new Set(l.seats).size !== l.seats.length) issue('seats', 'must not repeat a seat');
      if (l.row === undefined) issue('row', 'is required when seats are given');
    }
    if (!ruleFitsQuantity(l.splits, l.quantity))
      issue('splits', `cannot sell ${l.quantity} seat(s) down to none (e.g. pairs need an even quantity)`);
  });
export type ListingInput = z.infer<typeof listingInputSchema>;

export const bulkListingsSchema = z.strictObject({
  listings: z
    .array(z.unknown())
    .min(1, 'must list at least one listing')
    .max(BULK_CREATE_MAX, `must list at most ${BULK_CREATE_MAX} listings`),
});

export const updateListingSchema = z
  .strictObject({
    price: mutable.price.optional(),
    faceValue: mutable.faceValue.optional(),
    splits: mutable.splits.optional(),
    inHandDate: mutable.inHandDate.optional(),
    delivery: mutable.delivery.optional(),
    disclosures: mutable.disclosures.optional(),
    notes: mutable.notes.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'must change at least one field' });
export type UpdateListingInput = z.infer<typeof updateListingSchema>;

export const LISTING_SORTS = ['price', '-price', 'section'] as const;
export const eventListingsQuerySchema = z.object({
  quantity: z.coerce.number().int().min(1).max(LISTING_MAX_SEATS).optional(),
  section: z.string().trim().min(1).max(50).optional(),
  maxPrice: z.coerce.number().int().min(1).optional(),
  sort: z.enum(LISTING_SORTS).default('price'),
});

export interface ListingDto {
  id: string;
  eventId: string;
  sellerId: string;
  section: string;
  row: string | null;
  /** Seat labels in order; null for general admission. */
  seats: string[] | null;
  quantity: number;
  /** Seats still for sale. */
  available: number;
  /** Quantities a buyer can buy now under the split rule. */
  sellable: number[];
  /** The seller's price per ticket, cents; buyers see it all-in (price + buyer fee). */
  price: number;
  /** price + buyer fee: what a buyer pays per ticket. */
  allInPrice: number;
  currency: Currency;
  faceValue: number | null;
  splits: SplitRule;
  inHandDate: string | null;
  delivery: DeliveryMethod;
  disclosures: Disclosure[];
  notes: string;
  status: ListingStatus;
  version: number;
  createdAt: string;
  /** Only to the seller. */
  externalRef?: string | null;
  /** The ticket ids in seat order; only to the seller. */
  ticketIds?: string[];
}

export type ListingRowOutcome =
  | { index: number; status: 'created' | 'unchanged' | 'updated'; listing: ListingDto }
  /** Lost a race after validation (another seller listed one of its serials at the same moment). */
  | { index: number; status: 'failed'; message: string };

export interface BulkListingsResponse {
  created: number;
  unchanged: number;
  updated: number;
  failed: number;
  results: ListingRowOutcome[];
}

/** Body of a 409 from POST /api/orders {listingId, quantity}. */
export interface ListingConflictDetails {
  listingId: string;
  /** The quantities still possible. */
  quantities: number[];
}

/** `POST /api/orders {listingId, quantity}`: that many adjacent seats of one listing. */
export const listingOrderSchema = z.strictObject({
  listingId: z.string().regex(/^[0-9a-f]{24}$/i, 'must be a 24-character hex id'),
  quantity: z.number().int('must be a whole number').min(1).max(20, 'must be at most 20'),
});
export type ListingOrderInput = z.infer<typeof listingOrderSchema>;
