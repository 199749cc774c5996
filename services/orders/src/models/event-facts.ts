import type { EventUpdatedData } from '@bigtix/common';
import type { Collection, Document } from 'mongodb';

/**
 * One document per version of an event that orders has heard of (`event.updated`), keyed
 * `<eventId>@<version>`: each version is stored once (a unique insert) and "what orders knows of
 * the event" is its highest version. No document is ever rewritten, so concurrent deliveries of
 * different versions cannot overwrite each other (a replaceOne on FerretDB could).
 */
export interface EventVersionDoc {
  _id: string;
  eventId: string;
  version: number;
  status: EventUpdatedData['status'];
  start: Date | null;
  end: Date | null;
  started: boolean;
  receivedAt: Date;
}

/** `<orderId>`: the one request to refund a paid order of a cancelled event; its own outbox record. */
export interface EventRefundDoc extends Document {
  _id: string;
  orderId: string;
  eventId: string;
  amount: number;
  currency: string;
}

export async function latestEvent(
  versions: Collection<EventVersionDoc>,
  eventId: string,
): Promise<EventVersionDoc | null> {
  return versions.findOne({ eventId }, { sort: { version: -1 } });
}

/**
 * The event can no longer be bought: it was cancelled, or it has started, as tickets' sync read
 * it (`started`). Not from the clock and `start`: an event with a date but no time starts at the
 * end of its day in the venue's zone, which tickets decides (the sync reads each event at its start).
 */
export function closedForSale(event: EventVersionDoc | null): 'cancelled' | 'started' | null {
  if (!event) return null;
  if (event.status === 'cancelled') return 'cancelled';
  if (event.started) return 'started';
  return null;
}
