import type { VersionedStore } from '@bigtix/middleware';
import type { Collection, Document } from 'mongodb';
import type { EventStatusDoc } from '../models/event-status';
import type { FeeSchedule } from '@bigtix/common';
import type { ListingDoc, ListingModel } from '../models/listing';
import type { TicketDoc, TicketModel } from '../models/ticket';
import type { EventCache } from '../ticketmaster/event-cache';
import type { ListingCache } from './listing-cache';

/** What the tickets use cases need, passed in so tests can build it around a real database. */
export interface TicketsContext {
  tickets: TicketModel;
  store: VersionedStore<TicketDoc>;
  /** Listings (groups of seats; their seats are tickets in `store`). */
  listingDocs: ListingModel;
  listingStore: VersionedStore<ListingDoc>;
  /** To show buyers all-in prices (price + buyer fee). */
  fees: FeeSchedule;
  /** One document per order whose outcome (cancelled/expired/paid) we have seen, keyed by order id. */
  closedOrders: Collection<Document>;
  events: EventCache;
  /** What the event status sync last read of each followed event (models/event-status.ts). */
  eventStatuses?: VersionedStore<EventStatusDoc>;
  /** Wakes the outbox relay right after a write (and clears this process's listing cache). */
  nudge: () => void;
  /** Event listing pages, shared by concurrent readers for a moment (see listing-cache.ts). */
  listings?: ListingCache<TicketDoc[]>;
  now?: () => Date;
}

export const SOURCE = 'tickets';
