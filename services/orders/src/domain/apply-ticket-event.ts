import { TicketEventData } from '@bigtix/common';
import { RetryLaterError, claim, isDuplicateKeyError } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import { ticketVersionKey } from '../models/keys';
import { TicketReplicaDoc, toReplicaDoc } from '../models/ticket-replica';

export interface ReplicaResult {
  applied: boolean;
  previous: TicketReplicaDoc | null;
}

/** Test seams: lets a test stall a writer between its claim and its write. */
export interface ApplyTicketEventFaults {
  beforeWrite?: () => Promise<void>;
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
export async function applyTicketEvent(
  deps: OrdersDeps,
  data: TicketEventData,
  faults: ApplyTicketEventFaults = {},
): Promise<ReplicaResult> {
  const previous = await deps.tickets.findOne({ _id: data.id });
  const have = previous?.version ?? 0;
  if (data.version <= have) return { applied: false, previous };
  if (data.version !== have + 1)
    throw new RetryLaterError(`ticket ${data.id}: have version ${have}, got ${data.version}`);

  const state = toReplicaDoc(data);
  const key = ticketVersionKey(data.id, data.version);
  if (
    await claim(deps.ticketVersions, key, {
      ticketId: data.id,
      version: data.version,
      state,
      createdAt: new Date(deps.now()),
    })
  ) {
    await faults.beforeWrite?.();
    await writeVersion(deps, state);
    return { applied: true, previous };
  }
  // Another consumer holds this version. Let it write; if it died, write its claimed state.
  const claimRecord = await deps.ticketVersions.findOne({ _id: key });
  const current = await deps.tickets.findOne({ _id: data.id });
  if ((current?.version ?? 0) >= data.version) return { applied: false, previous };
  if (!claimRecord || deps.now() - new Date(claimRecord.createdAt).getTime() < ROLL_FORWARD_AFTER_MS) {
    throw new RetryLaterError(`ticket ${data.id} version ${data.version} is being applied`);
  }
  await writeVersion(deps, claimRecord.state);
  return { applied: false, previous };
}

/**
 * Writes one version only over an older one. A writer that stalled after its claim (and whose
 * version was rolled forward, then followed by newer ones) must not take the replica back.
 */
async function writeVersion(deps: OrdersDeps, state: TicketReplicaDoc): Promise<void> {
  try {
    await deps.tickets.replaceOne({ _id: state._id, version: { $lt: state.version } }, state, {
      upsert: state.version === 1,
    });
  } catch (err) {
    // Version 1 already there (written by the consumer we rolled forward for): nothing to do.
    if (!isDuplicateKeyError(err)) throw err;
  }
}
