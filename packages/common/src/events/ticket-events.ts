import { z } from 'zod';
import { TICKET_STATUSES } from '../constants';
import { WITHDRAWN_REASONS } from './event-events';
import { ticketListingRefSchema } from './ticket-listing-ref';

export const ticketEventDataSchema = z.object({
  id: z.string(),
  title: z.string(),
  price: z.number().int(),
  currency: z.string(),
  eventId: z.string(),
  userId: z.string(),
  status: z.enum(TICKET_STATUSES),
  /** The order holding or that bought the ticket, if any. */
  orderId: z.string().nullable(),
  /** Held, and its seller has withdrawn it: it goes back to withdrawn when the hold ends, so no new order may take it. */
  withdrawRequested: z.boolean().optional(),
  /** Set when the platform withdrew the listing (its event was cancelled or has started). */
  withdrawnReason: z.enum(WITHDRAWN_REASONS).optional(),
  version: z.number().int().min(0),
  /** The listing (group of seats) the ticket belongs to, and where in it: orders holds adjacent blocks. */
  listing: ticketListingRefSchema.optional(),
});
/** `ticket.created` and `ticket.updated` carry the whole ticket (minus its private serial). */
export type TicketEventData = z.infer<typeof ticketEventDataSchema>;
