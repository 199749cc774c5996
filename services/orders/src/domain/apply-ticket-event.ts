import { TicketEventData } from '@bigtix/common';
import type { ReplicaApplied, ReplicaApplyFaults } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import { TicketReplicaDoc, toReplicaDoc } from '../models/ticket-replica';

/**
 * Applies `ticket.created` / `ticket.updated` to the replica only as the exact next version
 * (`ReplicaStore`): older or equal is a duplicate (acknowledged); a gap, or an update for a
 * ticket never seen, is a RetryLaterError, so the event comes back later instead of being lost.
 * Each event carries the ticket's whole state.
 */
export async function applyTicketEvent(
  deps: OrdersDeps,
  data: TicketEventData,
  faults: ReplicaApplyFaults = {},
): Promise<ReplicaApplied<TicketReplicaDoc>> {
  const state = toReplicaDoc(data);
  return deps.ticketReplica.apply(data.id, data.version, () => state, faults);
}
