import { TicketEventData } from '@bigtix/common';
import { RetryLaterError, claim } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import { TicketReplicaDoc, toReplicaDoc } from '../models/ticket-replica';

export interface ReplicaResult {
  applied: boolean;
  previous: TicketReplicaDoc | null;
}

/** How long a claimed replica version may stay unwritten before another consumer writes it. */
const ROLL_FORWARD_AFTER_MS = 2000;

/**
 * Applies `ticket.created` / `ticket.updated` to the replica only as the exact next version.
 * Older or equal: a duplicate (acknowledged). A gap, or an update for a ticket we have never
 * seen: RetryLaterError, so the event comes back later instead of being lost. Each version is
 * claimed as `<ticketId>@<version>` before the write, so two consumers can never interleave
 * writes of one ticket (FerretDB conditional updates are not atomic).
 */
export async function applyTicketEvent(deps: OrdersDeps, data: TicketEventData): Promise<ReplicaResult> {
  const previous = await deps.tickets.findOne({ _id: data.id });
  const have = previous?.version ?? 0;
  if (data.version <= have) return { applied: false, previous };
  if (data.version !== have + 1)
    throw new RetryLaterError(`ticket ${data.id}: have version ${have}, got ${data.version}`);

  const state = toReplicaDoc(data);
  const key = `${data.id}@${data.version}`;
  if (
    await claim(deps.ticketVersions, key, {
      ticketId: data.id,
      version: data.version,
      state,
      createdAt: new Date(deps.now()),
    })
  ) {
    await deps.tickets.replaceOne({ _id: data.id }, state, { upsert: true });
    return { applied: true, previous };
  }
  // Another consumer holds this version. Let it write; if it died, write its claimed state.
  const claimRecord = await deps.ticketVersions.findOne({ _id: key });
  const current = await deps.tickets.findOne({ _id: data.id });
  if ((current?.version ?? 0) >= data.version) return { applied: false, previous };
  if (!claimRecord || deps.now() - new Date(claimRecord.createdAt).getTime() < ROLL_FORWARD_AFTER_MS) {
    throw new RetryLaterError(`ticket ${data.id} version ${data.version} is being applied`);
  }
  await deps.tickets.replaceOne({ _id: data.id }, claimRecord.state, { upsert: true });
  return { applied: false, previous };
}
