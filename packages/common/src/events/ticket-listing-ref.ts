import { z } from 'zod';
import { SPLIT_KINDS } from '../listings/seat-blocks';

/**
 * A ticket's place in its listing, carried on `ticket.*` events so orders can choose adjacent
 * seats and apply the split rule without a replica of listings. `position` is the seat's index
 * in seat order; `seated` is false for general admission.
 */
export const ticketListingRefSchema = z.object({
  id: z.string(),
  section: z.string(),
  row: z.string().nullable(),
  seat: z.string().nullable(),
  position: z.number().int().min(0),
  seated: z.boolean(),
  splits: z.union([z.enum(SPLIT_KINDS), z.array(z.number().int().min(1))]),
});
export type TicketListingRef = z.infer<typeof ticketListingRefSchema>;
