import type { Envelope, EventUpdatedData } from '@bigtix/common';
import { makeEnvelope } from '@bigtix/middleware';
import type { EventStatusDoc } from '../../models/event-status';
import { SOURCE } from '../../deps';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toEventUpdatedData(doc: EventStatusDoc): EventUpdatedData {
  return {
    eventId: doc._id,
    status: doc.status,
    start: iso(doc.start),
    end: iso(doc.end),
    started: doc.started,
    version: doc.version,
  };
}

export const eventUpdated = (doc: EventStatusDoc): Envelope[] => [
  makeEnvelope('event.updated', doc.version, SOURCE, toEventUpdatedData(doc)),
];
