import { Envelope } from '@bigtix/common';

/**
 * A document that carries the events announcing the change it records. It is written in the
 * same single-document insert as the decision itself (a claim, a versioned change), so the
 * change and its events cannot be separated by a crash. The relay publishes pending records.
 */
export interface OutboxRecord {
  _id: string;
  events: Envelope[];
  createdAt: Date;
  publishedAt: Date | null;
  /**
   * 1 while unpublished, removed once published. The relay finds pending records by this
   * integer: FerretDB pushes an equality on a number down to PostgreSQL, while a `null` filter
   * (publishedAt: null) makes it scan every record ever written.
   */
  pending?: 1;
}

export function outboxFields(events: Envelope[], now = new Date()): Omit<OutboxRecord, '_id'> {
  return { events, createdAt: now, publishedAt: null, pending: 1 };
}
