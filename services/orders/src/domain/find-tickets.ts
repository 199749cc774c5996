import type { OrdersDeps } from '../deps';
import type { TicketReplicaDoc } from '../models/ticket-replica';

/**
 * Replica rows by id, one `_id` equality lookup each, in parallel. Not `{_id: {$in}}`: FerretDB's
 * PostgreSQL backend pushes only equality down to SQL, so `$in` scans the whole collection
 * (measured: ~10× slower at 3,000 tickets, and it grows with the catalogue).
 */
export async function findTickets(deps: OrdersDeps, ids: string[]): Promise<Map<string, TicketReplicaDoc>> {
  const rows = await Promise.all(ids.map((id) => deps.tickets.findOne({ _id: id })));
  return new Map(rows.filter((r): r is TicketReplicaDoc => r !== null).map((r) => [r._id, r]));
}
