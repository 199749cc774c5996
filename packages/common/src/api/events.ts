import { z } from 'zod';

export const eventSearchQuerySchema = z.object({
  keyword: z.string().trim().max(200, 'must be at most 200 characters').optional(),
  city: z.string().trim().max(100, 'must be at most 100 characters').optional(),
  /** ISO dates (YYYY-MM-DD) or date-times. */
  from: z.iso.date().or(z.iso.datetime()).optional(),
  to: z.iso.date().or(z.iso.datetime()).optional(),
  page: z.coerce.number().int().min(0).max(999, 'must be at most 999').default(0),
  size: z.coerce.number().int().min(1).max(100, 'must be at most 100').default(20),
});
export type EventSearchQuery = z.infer<typeof eventSearchQuerySchema>;

export type EventStatus = 'onsale' | 'offsale' | 'cancelled' | 'postponed' | 'rescheduled' | 'unknown';

export interface VenueDto {
  name: string;
  city: string;
  state: string;
  country: string;
}

export interface EventSummaryDto {
  id: string;
  name: string;
  url: string;
  /** ISO date-time, or a date alone when Ticketmaster has no time. */
  date: string | null;
  venue: VenueDto;
  image: string | null;
  status: EventStatus;
  priceRange?: { min: number; max: number; currency: string };
}

export interface EventDetailsDto extends EventSummaryDto {
  info: string | null;
  images: { url: string; width: number; height: number; ratio: string | null }[];
  timezone: string | null;
  classification: string | null;
  /** Ticketmaster's static seat map image of the venue for this event; absent when it has none. */
  seatmapUrl?: string;
}

export interface EventSearchResponse {
  items: EventSummaryDto[];
  page: number;
  totalPages: number;
  totalElements: number;
}
