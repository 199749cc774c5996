import type { EventDetailsDto } from '@bigtix/common';
import type { Collection } from 'mongodb';
import { toEventDetails } from './map-event';
import type { TicketmasterClient } from './ticketmaster-client';

interface CachedEventDoc {
  _id: string;
  details: EventDetailsDto;
  fetchedAt: Date;
}

export interface EventCacheOptions {
  ttlMs: number;
  /** Unknown ids are remembered briefly so a bad bulk file cannot hammer the API. */
  notFoundTtlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

/**
 * Event details by id: memory (per replica, TTL), then MongoDB (shared by replicas, same TTL,
 * checked on read because FerretDB has no TTL indexes), then Ticketmaster. Concurrent lookups
 * of one id share one call, so listing 1000 tickets for one event costs at most one call.
 */
export class EventCache {
  private readonly memory = new Map<string, { details: EventDetailsDto | null; expiresAt: number }>();
  private readonly inFlight = new Map<string, Promise<EventDetailsDto | null>>();
  private readonly now: () => number;

  constructor(
    private readonly client: TicketmasterClient,
    private readonly collection: Collection<CachedEventDoc>,
    private readonly options: EventCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async get(id: string): Promise<EventDetailsDto | null> {
    const hit = this.memory.get(id);
    if (hit && hit.expiresAt > this.now()) return hit.details;
    let pending = this.inFlight.get(id);
    if (!pending) {
      pending = this.load(id).finally(() => this.inFlight.delete(id));
      this.inFlight.set(id, pending);
    }
    return pending;
  }

  /** Looks several ids up at once; each distinct id costs at most one call. */
  async getMany(ids: Iterable<string>): Promise<Map<string, EventDetailsDto | null>> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => this.get(id)));
    return new Map(unique.map((id, i) => [id, found[i]]));
  }

  /** Stores details fetched elsewhere (a search page) so later lookups need no call. */
  async put(details: EventDetailsDto): Promise<void> {
    this.remember(details.id, details, this.options.ttlMs);
    await this.collection.replaceOne(
      { _id: details.id },
      { details, fetchedAt: new Date(this.now()) },
      { upsert: true },
    );
  }

  private async load(id: string): Promise<EventDetailsDto | null> {
    const stored = await this.collection.findOne({ _id: id });
    if (stored && this.now() - new Date(stored.fetchedAt).getTime() < this.options.ttlMs) {
      this.remember(id, stored.details, this.options.ttlMs - (this.now() - new Date(stored.fetchedAt).getTime()));
      return stored.details;
    }
    const event = await this.client.getEvent(id);
    if (!event) {
      this.remember(id, null, this.options.notFoundTtlMs ?? 60_000);
      return null;
    }
    const details = toEventDetails(event);
    await this.put(details);
    return details;
  }

  private remember(id: string, details: EventDetailsDto | null, ttlMs: number): void {
    const max = this.options.maxEntries ?? 5_000;
    if (this.memory.size >= max) {
      // Maps iterate in insertion order: dropping the first entry drops the oldest.
      const oldest = this.memory.keys().next().value;
      if (oldest !== undefined) this.memory.delete(oldest);
    }
    this.memory.set(id, { details, expiresAt: this.now() + ttlMs });
  }
}
