/**
 * The unique keys the orders service decides with, in one place. Each is the `_id` of a claim:
 * whoever inserts it first wins (see "Concurrency" in docs/ARCHITECTURE.md).
 */

/** One generation of a ticket's hold (holds, hold_releases). */
export const holdKey = (ticketId: string, generation: number): string => `${ticketId}#${generation}`;

/** The order's one final outcome is keyed by the order id itself; this is the decision about a late payment. */
export const lateOutcomeKey = (orderId: string): string => `${orderId}:late`;

/** One sweeper repairs a lagging outcome per time window. */
export const repairLeaseKey = (outcomeId: string, window: number): string => `${outcomeId}#${window}`;

/** A buyer's place `slot` for a held ticket, generation `gen` (MAX_HELD_TICKETS, domain/enforce-hold-limit.ts). */
export const holdSlotKey = (userId: string, slot: number, gen: number): string => `${userId}#${slot}@${gen}`;

/** One receipt per version of an event's `event.updated` (models/event-facts.ts). */
export const eventVersionKey = (eventId: string, version: number): string => `${eventId}@${version}`;
