import { DEFAULT_FEES, FeeSchedule } from '@bigtix/common';
import { VersionedStore, typedCollection } from '@bigtix/middleware';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { ListingCache } from './domain/listing-cache';
import type { ClosedOrderDoc } from './domain/order-outcomes';
import { EventStatusDoc, eventStatusStore } from './models/event-status';
import { ListingDoc, ListingModel, listingModel } from './models/listing';
import { TicketDoc, TicketModel, dropRetiredIndexes, ticketModel } from './models/ticket';
import { EventCache } from './adapters/ticketmaster/event-cache';
import type { TicketmasterClient } from './adapters/ticketmaster/ticketmaster-client';

/** What the tickets use cases need, passed in so tests can build it around a real database and move its clock. */
export interface TicketsDeps {
  tickets: TicketModel;
  store: VersionedStore<TicketDoc>;
  /** Listings (groups of seats; their seats are tickets in `store`). */
  listingDocs: ListingModel;
  listingStore: VersionedStore<ListingDoc>;
  /** To show buyers all-in prices (price + buyer fee). */
  fees: FeeSchedule;
  /** One document per order whose outcome (cancelled/expired/paid) we have seen, keyed by order id. */
  closedOrders: Collection<ClosedOrderDoc>;
  events: EventCache;
  /** What the event status sync last read of each followed event (models/event-status.ts). */
  eventStatuses: VersionedStore<EventStatusDoc>;
  /** Event listing pages, shared by concurrent readers for a moment (see listing-cache.ts). */
  listings: ListingCache<TicketDoc[]>;
  /** The clock of every use case (ms since the epoch), as in orders' and payments' deps. */
  now: () => number;
}

export const SOURCE = 'tickets';

/** The use cases' dependencies on one database; also what a test builds to act as a second replica. */
export async function createTicketsDeps(
  connection: Connection,
  client: TicketmasterClient,
  options: {
    eventCacheTtlMs: number;
    listingCacheMs?: number;
    /** Wakes the outbox relay (the service passes its relay's). */
    nudgeOutbox?: () => void;
    fees?: FeeSchedule;
    now?: () => number;
  },
): Promise<TicketsDeps> {
  const db = connection.db!;
  const listings = new ListingCache<TicketDoc[]>(options.listingCacheMs ?? 0);
  const wakeRelay = options.nudgeOutbox ?? (() => undefined);
  // The three stores call it after every change they store, so a use case never needs to: each
  // change has a record for the relay, and makes this process's listing pages stale.
  const onCommit = () => {
    listings.clear();
    wakeRelay();
  };
  const tickets = ticketModel(connection);
  const store = new VersionedStore<TicketDoc>(typedCollection(tickets.collection), db.collection('ticket_changes'), {
    onCommit,
  });
  await store.ensureIndexes();
  await dropRetiredIndexes(tickets);
  const listingDocs = listingModel(connection);
  const listingStore = new VersionedStore<ListingDoc>(
    typedCollection(listingDocs.collection),
    db.collection('listing_changes'),
    { onCommit },
  );
  await listingStore.ensureIndexes();
  const eventStatuses = eventStatusStore(db, { onCommit });
  await eventStatuses.ensureIndexes();
  return {
    tickets,
    store,
    listingDocs,
    listingStore,
    fees: options.fees ?? DEFAULT_FEES,
    closedOrders: db.collection<ClosedOrderDoc>('closed_orders'),
    events: new EventCache(client, db.collection('event_cache'), { ttlMs: options.eventCacheTtlMs }),
    eventStatuses,
    listings,
    now: options.now ?? Date.now,
  };
}
