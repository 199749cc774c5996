import type { EventUpdatedData } from '@bigtix/common';
import { VersionedStore, VersionedStoreOptions } from '@bigtix/middleware';
import type { Db } from 'mongodb';

/**
 * What tickets last read from Ticketmaster about an event it has listings or sales for. One
 * writer per change: every version is a VersionedStore claim `<eventId>@<version>`, so three
 * replicas that read the same change at once store (and publish `event.updated`) once.
 */
export interface EventStatusDoc {
  _id: string;
  status: EventUpdatedData['status'];
  start: Date | null;
  end: Date | null;
  started: boolean;
  version: number;
  updatedAt: Date;
}

export function eventStatusStore(db: Db, options: VersionedStoreOptions = {}): VersionedStore<EventStatusDoc> {
  return new VersionedStore<EventStatusDoc>(
    db.collection('event_statuses'),
    db.collection('event_status_changes'),
    options,
  );
}
