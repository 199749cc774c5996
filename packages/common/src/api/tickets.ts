import { z } from 'zod';
import { BULK_CREATE_MAX, Currency, TicketStatus } from '../constants';
import { listingPriceSchema, objectIdSchema } from './common';

/** Ticketmaster event ids are short alphanumerics (e.g. `vvG1zZ9KqAkS9L`, `G5diZfkn0B-bh`). */
export const ticketmasterEventIdSchema = z
  .string({ error: 'must be a string' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a Ticketmaster event id');

const title = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'is required')
  .max(200, 'must be at most 200 characters');
const description = z.string({ error: 'must be a string' }).trim().max(2000, 'must be at most 2000 characters');
const serialNumber = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'is required')
  .max(100, 'must be at most 100 characters')
  .regex(/^[\x20-\x7E]+$/, 'must be printable ASCII');

export const ticketInputSchema = z.strictObject({
  title,
  price: listingPriceSchema,
  description: description.default(''),
  serialNumber,
  eventId: ticketmasterEventIdSchema,
  /** Accepted only when it equals the caller: the seller is always the caller. */
  userId: z.string().optional(),
});
export type TicketInput = z.infer<typeof ticketInputSchema>;

export const bulkCreateSchema = z.strictObject({
  tickets: z
    .array(z.unknown())
    .min(1, 'must list at least one ticket')
    .max(BULK_CREATE_MAX, `must list at most ${BULK_CREATE_MAX} tickets`),
});

export const updateTicketSchema = z
  .strictObject({
    id: objectIdSchema,
    title: title.optional(),
    price: listingPriceSchema.optional(),
    description: description.optional(),
  })
  .refine((v) => v.title !== undefined || v.price !== undefined || v.description !== undefined, {
    message: 'must change at least one of title, price, description',
  });
export type UpdateTicketInput = z.infer<typeof updateTicketSchema>;

export const eventTicketsQuerySchema = z.object({
  sort: z.enum(['price', 'newest']).default('newest'),
});

export interface TicketDto {
  id: string;
  title: string;
  price: number;
  currency: Currency;
  description: string;
  eventId: string;
  /** The current owner: the seller until the ticket is sold, then the buyer. */
  userId: string;
  /** Who listed it; never changes, also after a sale. */
  sellerId: string;
  status: TicketStatus;
  /** Why the platform withdrew it: `event-cancelled`, or `expired` once the event has started. */
  withdrawnReason?: 'event-cancelled' | 'expired';
  version: number;
  createdAt: string;
  /** Only present for the ticket's current owner. */
  serialNumber?: string;
  /** The listing this ticket is a seat of, and where (absent on tickets listed before listings existed). */
  listingId?: string;
  section?: string | null;
  row?: string | null;
  seat?: string | null;
}

export type BulkRowOutcome =
  | { index: number; status: 'created'; ticket: TicketDto }
  | { index: number; status: 'already_listed'; ticket: TicketDto }
  | { index: number; status: 'failed'; message: string };

export interface BulkCreateResponse {
  created: number;
  alreadyListed: number;
  failed: number;
  results: BulkRowOutcome[];
}
