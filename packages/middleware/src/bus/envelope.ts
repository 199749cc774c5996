import { Envelope, EventData, EventType } from '@bigtix/common';
import { randomUUID } from 'node:crypto';

/** Builds the envelope of an event about an aggregate at `version`. */
export function makeEnvelope<T extends EventType>(
  type: T,
  version: number,
  source: string,
  data: EventData<T>,
): Envelope<EventData<T>> {
  return { id: randomUUID(), type, version, occurredAt: new Date().toISOString(), source, data };
}
