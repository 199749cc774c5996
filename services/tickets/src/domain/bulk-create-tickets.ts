import {
  BadRequestError,
  BulkCreateResponse,
  BulkRowOutcome,
  ErrorItem,
  ForbiddenError,
  TicketInput,
  bulkCreateSchema,
  issuesToErrors,
  parseOrThrow,
  ticketInputSchema,
} from '@bigtix/common';
import type { TicketDoc } from '../models/ticket';
import { unlistableReason } from './check-listable-event';
import { newTicketDoc, serialKey } from './new-ticket';
import { toTicketDto } from './ticket-views';
import { ticketCreated } from '../events/publishers/ticket-events';
import type { TicketsDeps } from '../deps';

/**
 * Lists up to 1000 tickets in one request. Every row is validated first (schema, seller, event)
 * and any bad row refuses the whole request, naming each bad row, before anything is written.
 * Then one `createMany`; the unique (event, seller, serial) index refuses serials the caller
 * already listed, reported as `already_listed` (so re-running a file is safe). What other sellers
 * listed never changes the answer. A handful of database round trips, not 1000.
 */
export async function bulkCreateTickets(c: TicketsDeps, sellerId: string, body: unknown): Promise<BulkCreateResponse> {
  const { tickets: rawRows } = parseOrThrow(bulkCreateSchema, body, 'request body');
  const errors: ErrorItem[] = [];
  const spoofed: number[] = [];
  const rows: (TicketInput | null)[] = rawRows.map((raw, i) => {
    const parsed = ticketInputSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...issuesToErrors(parsed.error, ['tickets', i]));
      return null;
    }
    if (parsed.data.userId !== undefined && parsed.data.userId !== sellerId) spoofed.push(i);
    return parsed.data;
  });

  const firstRowOf = new Map<string, number>();
  rows.forEach((row, i) => {
    if (!row) return;
    const key = serialKey(row.eventId, row.serialNumber);
    const first = firstRowOf.get(key);
    if (first === undefined) firstRowOf.set(key, i);
    else
      errors.push({
        field: `tickets.${i}.serialNumber`,
        message: `tickets.${i}.serialNumber repeats row ${first} (same event and serial number)`,
      });
  });

  // Each distinct event is looked up once (and usually comes from the cache).
  const events = await c.events.getMany(rows.filter((r): r is TicketInput => r !== null).map((r) => r.eventId));
  rows.forEach((row, i) => {
    if (!row) return;
    const reason = unlistableReason(row.eventId, events.get(row.eventId) ?? null);
    if (reason) errors.push({ field: `tickets.${i}.eventId`, message: `tickets.${i}.eventId: ${reason}` });
  });

  if (errors.length > 0) {
    const badRows = new Set(errors.map((e) => e.field?.split('.')[1]));
    throw new BadRequestError(`Invalid request body: ${badRows.size} bad row(s); nothing was listed`, errors);
  }
  if (spoofed.length > 0) {
    throw new ForbiddenError(`userId must be your own user id (rows ${spoofed.join(', ')}); nothing was listed`);
  }

  const inputs = rows as TicketInput[];
  const now = new Date(c.now());
  const results: BulkRowOutcome[] = new Array(inputs.length);
  // Insert first and let the unique (eventId, serialNumber) index decide: a first listing costs
  // no reads at all, and only the events of refused rows are read afterwards (see below).
  // (Reading the seller's listings for the event up front made every batch cost as much as
  // everything the seller had listed there before.)
  const docs = inputs.map((row) => newTicketDoc(row, sellerId, now));
  const created = await c.store.createMany(docs, ticketCreated);
  const refused: number[] = [];
  created.forEach((r, index) => {
    if (r.ok) results[index] = { index, status: 'created', ticket: toTicketDto(docs[index], sellerId) };
    else refused.push(index);
  });
  // Refused: our own listing (a re-run, or a concurrent upload of the same file). One read of the
  // seller's listings per event involved finds it; a first listing has no refused rows and reads nothing.
  const ours = await findSellerListings(c, sellerId, [...new Set(refused.map((i) => inputs[i].eventId))]);
  for (const index of refused) {
    const row = inputs[index];
    const found = ours.get(serialKey(row.eventId, row.serialNumber));
    results[index] = found
      ? { index, status: 'already_listed', ticket: toTicketDto(found, sellerId) }
      : {
          index,
          status: 'failed',
          // Refused by the index yet not found: only a write failure does that; the row may be re-sent.
          message: `serial number "${row.serialNumber}" could not be listed for event ${row.eventId}; send the row again`,
        };
  }
  return {
    created: results.filter((r) => r.status === 'created').length,
    alreadyListed: results.filter((r) => r.status === 'already_listed').length,
    failed: results.filter((r) => r.status === 'failed').length,
    results,
  };
}

/**
 * The caller's listings for these events, by (event, serial). Plain equality filters, one query
 * per event: FerretDB pushes equality down to PostgreSQL but evaluates `$in` document by
 * document in its own process (a 1000-value `$in` over 30,000 tickets took ~5 s there), and a
 * point lookup per row is a table scan each on FerretDB (only `_id` is looked up by index).
 */
async function findSellerListings(
  c: TicketsDeps,
  sellerId: string,
  eventIds: string[],
): Promise<Map<string, TicketDoc>> {
  if (eventIds.length === 0) return new Map();
  const perEvent = await Promise.all(
    eventIds.map((eventId) => c.tickets.find({ sellerId, eventId }).lean<TicketDoc[]>()),
  );
  return new Map(perEvent.flat().map((d) => [serialKey(d.eventId, d.serialNumber), d]));
}
