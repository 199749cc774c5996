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

/** One writer per version of the ticket replica. */
export const ticketVersionKey = (ticketId: string, version: number): string => `${ticketId}@${version}`;
