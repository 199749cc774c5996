import { replicaCount, withServiceDb, waitForReplica } from './db';
import { seedTickets } from './seed';
import type { StackInfo } from './stack-info';
import { signUpSeller } from './users';

export const READ_FIXTURE_TICKETS = 10_000;

export interface ReadFixture {
  eventId: string;
  ticketIds: string[];
  /** Null when an earlier script in the same stack already seeded them. */
  seedSeconds: number | null;
  replicaCatchUpSeconds: number | null;
  /** Rows the bulk route answered `already_listed` although this request had just created them. */
  phantomDuplicates: number;
  /** How many of those the orders replica knows (0 means their ticket.created never left). */
  phantomsInReplica: number;
}

/**
 * 10,000 available tickets for the stack's event, listed by one seller through the bulk route
 * (10 × 1000 rows), shared by the reading and memory benchmarks. Waits until the orders service
 * has consumed every `ticket.created`, so that background work does not run under the load.
 */
export async function ensureReadFixture(stack: StackInfo, log: (line: string) => void): Promise<ReadFixture> {
  const eventId = stack.eventId;
  const existing = await withServiceDb(stack, 'tickets', async (db) =>
    (
      await db
        .collection('tickets')
        .find({ eventId, status: 'available' }, { projection: { _id: 1 } })
        .toArray()
    ).map((d) => String(d._id)),
  );
  if (existing.length >= READ_FIXTURE_TICKETS)
    return {
      eventId,
      ticketIds: existing,
      seedSeconds: null,
      replicaCatchUpSeconds: null,
      phantomDuplicates: 0,
      phantomsInReplica: 0,
    };

  const seller = await signUpSeller(stack, 'read-seller');
  log(`seeding ${READ_FIXTURE_TICKETS} tickets (10 × 1000 bulk rows) for event ${eventId}`);
  const replicaBefore = await replicaCount(stack);
  const started = performance.now();
  const seeded = await seedTickets(stack, seller, READ_FIXTURE_TICKETS - existing.length, eventId, `read${Date.now()}`);
  const seedSeconds = (performance.now() - started) / 1000;
  const phantom = seeded.phantomDuplicates.length;
  log(
    `seeded in ${seedSeconds.toFixed(1)} s${phantom ? ` (${phantom} rows answered already_listed)` : ''}; waiting for the orders replica`,
  );
  // Only rows answered `created` have a ticket.created to wait for.
  const caught = await waitForReplica(
    stack,
    seeded.tickets.map((t) => t.id),
    600_000,
    replicaBefore + seeded.tickets.length,
  );
  const phantomIds = seeded.phantomDuplicates.map((t) => t.id);
  const phantomsInReplica = await withServiceDb(stack, 'orders', (db) =>
    db.collection('tickets').countDocuments({ _id: { $in: phantomIds } } as never),
  );
  const all = [...existing, ...seeded.tickets.map((t) => t.id), ...seeded.phantomDuplicates.map((t) => t.id)];
  return {
    eventId,
    ticketIds: all,
    seedSeconds,
    replicaCatchUpSeconds: caught / 1000,
    phantomDuplicates: phantom,
    phantomsInReplica,
  };
}
