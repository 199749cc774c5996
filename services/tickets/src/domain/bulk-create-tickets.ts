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
import { ticketCreated, toTicketDto } from './ticket-views';
import type { TicketsContext } from './tickets-context';

/**
 * Lists up to 1000 tickets in one request. Every row is validated first (schema, seller, event)
 * and any bad row refuses the whole request, naming each bad row, before anything is written.
 * Then: one `$in` read for serials already listed, one `createMany` for the rest. A serial the
 * caller already listed is `already_listed` (so re-running a file is safe); one listed by
 * someone else is a per-row failure. The database work is a handful of round trips, not 1000.
 */
export async function bulkCreateTickets(c: TicketsContext, sellerId: string, body: unknown): Promise<BulkCreateResponse> {
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
    else errors.push({ field: `tickets.${i}.serialNumber`, message: `tickets.${i}.serialNumber repeats row ${first} (same event and serial number)` });
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
  const existing = await findListed(c, inputs);
  const now = c.now?.() ?? new Date();
  const results: BulkRowOutcome[] = new Array(inputs.length);
  const toCreate: { index: number; doc: TicketDoc }[] = [];
  inputs.forEach((row, index) => {
    const found = existing.get(serialKey(row.eventId, row.serialNumber));
    if (found) results[index] = outcomeForListed(index, found, sellerId);
    else toCreate.push({ index, doc: newTicketDoc(row, sellerId, now) });
  });

  const created = await c.store.createMany(toCreate.map((t) => t.doc), ticketCreated);
  const raced: number[] = [];
  created.forEach((r, k) => {
    const { index, doc } = toCreate[k];
    if (r.ok) results[index] = { index, status: 'created', ticket: toTicketDto(doc, sellerId) };
    else raced.push(index);
  });
  if (raced.length > 0) {
    // Someone listed these serials between our read and our insert: classify them like the rest.
    const winners = await findListed(c, raced.map((i) => inputs[i]));
    for (const index of raced) {
      const found = winners.get(serialKey(inputs[index].eventId, inputs[index].serialNumber));
      results[index] = found ? outcomeForListed(index, found, sellerId) : { index, status: 'failed', message: 'could not be listed; try again' };
    }
  }
  if (created.some((r) => r.ok)) c.nudge();

  return {
    created: results.filter((r) => r.status === 'created').length,
    alreadyListed: results.filter((r) => r.status === 'already_listed').length,
    failed: results.filter((r) => r.status === 'failed').length,
    results,
  };
}

async function findListed(c: TicketsContext, rows: TicketInput[]): Promise<Map<string, TicketDoc>> {
  if (rows.length === 0) return new Map();
  const docs = (await c.tickets
    .find({ eventId: { $in: [...new Set(rows.map((r) => r.eventId))] }, serialNumber: { $in: [...new Set(rows.map((r) => r.serialNumber))] } })
    .lean()) as unknown as TicketDoc[];
  return new Map(docs.map((d) => [serialKey(d.eventId, d.serialNumber), d]));
}

function outcomeForListed(index: number, doc: TicketDoc, sellerId: string): BulkRowOutcome {
  if (doc.sellerId === sellerId) return { index, status: 'already_listed', ticket: toTicketDto(doc, sellerId) };
  return { index, status: 'failed', message: `serial number "${doc.serialNumber}" is already listed for event ${doc.eventId} by another seller` };
}
