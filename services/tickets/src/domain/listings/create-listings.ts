import {
  BadRequestError,
  BulkListingsResponse,
  ErrorItem,
  ListingInput,
  ListingRowOutcome,
  bulkListingsSchema,
  issuesToErrors,
  listingInputSchema,
  parseOrThrow,
} from '@bigtix/common';
import type { ListingDoc } from '../../models/listing';
import type { TicketDoc } from '../../models/ticket';
import { unlistableReason } from '../check-listable-event';
import { ticketCreated, ticketUpdated } from '../../events/publishers/ticket-events';
import type { TicketsDeps } from '../../deps';
import { listingIdFor } from './listing-ids';
import { toListingDto } from './listing-views';
import { newListing, sameSeats } from './new-listing';
import { changedSeatsOf, seatStatesOf } from './seat-states';
import { syncListingTickets } from './sync-listing-tickets';
import { changesListing, updateListing } from './update-listing';

type Existing = { listing: ListingDoc };
type Plan = { kind: 'create'; input: ListingInput } | { kind: 'existing'; input: ListingInput; existing: Existing };

/**
 * `POST /api/listings/bulk` (and `POST /api/listings`, a batch of one). Every row is checked
 * first: its schema, the event, serials repeated in the request or listed already by another
 * listing, and a re-imported externalRef whose seats differ from what was listed. Any bad row
 * refuses the whole request, naming each, before anything is written. Then each row is
 * `created` (its tickets, then the listing: a crash in between is finished by the next run, as
 * ids are derived), `unchanged`, or `updated` (a withdrawn listing listed again is `updated`).
 * Re-running a file is therefore safe, and two uploads of one file at once create each listing
 * once: the derived `_id` is the unique key that decides.
 */
export async function createListings(c: TicketsDeps, sellerId: string, body: unknown): Promise<BulkListingsResponse> {
  const { listings: raw } = parseOrThrow(bulkListingsSchema, body, 'request body');
  const errors: ErrorItem[] = [];
  const bad = (i: number, field: string, message: string) =>
    errors.push({ field: `listings.${i}.${field}`, message: `listings.${i}.${field}: ${message}` });
  const rows = raw.map((r, i) => {
    const parsed = listingInputSchema.safeParse(r);
    if (!parsed.success) errors.push(...issuesToErrors(parsed.error, ['listings', i]));
    return parsed.success ? parsed.data : null;
  });
  const inputs = rows.flatMap((r, i) => (r ? [{ input: r, i }] : []));

  // Repeats inside the request.
  const firstRef = new Map<string, number>();
  const firstSerial = new Map<string, number>();
  for (const { input, i } of inputs) {
    if (input.externalRef) {
      const seen = firstRef.get(input.externalRef);
      if (seen !== undefined) bad(i, 'externalRef', `repeats row ${seen}`);
      else firstRef.set(input.externalRef, i);
    }
    for (const serial of input.serials) {
      const key = `${input.eventId}\u0000${serial}`;
      const seen = firstSerial.get(key);
      if (seen !== undefined && seen !== i) bad(i, 'serials', `serial "${serial}" repeats row ${seen}`);
      else firstSerial.set(key, i);
    }
  }

  const eventIds = [...new Set(inputs.map((r) => r.input.eventId))];
  const events = await c.events.getMany(eventIds);
  for (const { input, i } of inputs) {
    const reason = unlistableReason(input.eventId, events.get(input.eventId) ?? null);
    if (reason) bad(i, 'eventId', reason);
  }

  // The listings these rows' externalRefs name (their ids are derived): one `$in` read of
  // exactly those, whatever else the seller has listed.
  const existingById = await listingsById(
    c,
    sellerId,
    inputs.flatMap(({ input }) => (input.externalRef ? [listingIdFor(sellerId, input.externalRef)] : [])),
  );

  const plans: (Plan | null)[] = rows.map((input): Plan | null => {
    if (!input) return null;
    const listing = input.externalRef ? existingById.get(listingIdFor(sellerId, input.externalRef)) : undefined;
    return listing ? { kind: 'existing', input, existing: { listing } } : { kind: 'create', input };
  });
  plans.forEach((plan, i) => {
    if (plan?.kind === 'existing' && !sameSeats(plan.existing.listing, plan.input))
      bad(
        i,
        'externalRef',
        `"${plan.input.externalRef}" is already listed with other seats or serials (${plan.existing.listing._id}); seats cannot change: withdraw it and list the new seats under a new externalRef`,
      );
  });

  if (errors.length > 0) {
    const badRows = new Set(errors.map((e) => e.field?.split('.')[1]));
    throw new BadRequestError(`Invalid request body: ${badRows.size} bad row(s); nothing was listed`, errors);
  }

  const now = new Date(c.now());
  const results: ListingRowOutcome[] = new Array(plans.length);
  const creates = plans.flatMap((p, index) =>
    p?.kind === 'create' ? [{ index, ...newListing(p.input, sellerId, now) }] : [],
  );

  // Seats first, then the listings that show them.
  const ticketDocs = creates.flatMap((r) => r.tickets);
  const ticketResults = await createInChunks(c, ticketDocs);
  const refusedTicket = new Set(ticketDocs.filter((_, k) => !ticketResults[k].ok).map((t) => t._id));
  const ready: typeof creates = [];
  const repair: typeof creates = [];
  // A refused seat is ours when it is our own derived id already there (a retried creation, or
  // one a crash interrupted): the listing is stored and its seats brought in line below.
  const refusedDocs = await ticketsById(c, [...refusedTicket]);
  for (const row of creates) {
    const lost = row.tickets.filter((t) => refusedTicket.has(t._id));
    if (lost.every((t) => refusedDocs.get(t._id)?.listingId === row.listing._id)) {
      ready.push(row);
      if (lost.length > 0) repair.push(row);
    } else
      results[row.index] = {
        index: row.index,
        status: 'failed',
        message: 'a serial of this listing is already listed (by another listing); nothing of it is for sale',
      };
  }
  // A row that lost a serial to a racer: its own seats are withdrawn, so nothing half-listed sells.
  for (const row of creates.filter((r) => !ready.includes(r))) {
    const mine = row.tickets.filter((t) => !refusedTicket.has(t._id));
    await Promise.all(
      mine.map((t) =>
        c.store.change(t._id, (cur) =>
          cur.status === 'available'
            ? { next: { ...cur, status: 'withdrawn', updatedAt: now }, events: ticketUpdated }
            : null,
        ),
      ),
    );
  }
  const listingResults = await c.listingStore.createMany(
    ready.map((r) => r.listing),
    () => [],
  );
  for (const row of repair) await syncListingTickets(c, row.listing, true);
  for (let k = 0; k < ready.length; k++) {
    const row = ready[k];
    // Refused: the same externalRef created by a concurrent upload of this file a moment ago.
    const stored = listingResults[k].ok
      ? row.listing
      : ((await c.listingStore.findById(row.listing._id)) ?? row.listing);
    results[row.index] = {
      index: row.index,
      status: listingResults[k].ok ? 'created' : 'unchanged',
      listing: toListingDto(stored, row.tickets, sellerId, c.fees),
    };
  }

  const existing = plans.flatMap((p, index) => (p?.kind === 'existing' ? [{ index, plan: p }] : []));
  const isChange = ({ plan }: (typeof existing)[number]) =>
    plan.existing.listing.status === 'withdrawn' || changesListing(plan.existing.listing, plan.input);
  // Unchanged rows (a re-sent file): nothing is written, and their views need only the seats
  // that changed since creation, one read for all of them.
  const unchanged = existing.filter((e) => !isChange(e));
  const changedSeats = await changedSeatsOf(
    c,
    sellerId,
    unchanged.map((e) => e.plan.existing.listing._id),
  );
  for (const { index, plan } of unchanged) {
    const { listing } = plan.existing;
    results[index] = {
      index,
      status: 'unchanged',
      listing: toListingDto(listing, seatStatesOf(listing, changedSeats), sellerId, c.fees),
    };
  }
  const changes = existing.filter(isChange);
  for (let k = 0; k < changes.length; k += EXISTING_IN_FLIGHT)
    await Promise.all(
      changes.slice(k, k + EXISTING_IN_FLIGHT).map(async ({ index, plan }) => {
        const { listing } = plan.existing;
        const stored = await updateListing(c, sellerId, listing._id, plan.input, {
          relist: listing.status === 'withdrawn',
        });
        const tickets = await c.tickets.find({ listingId: listing._id }).lean<TicketDoc[]>();
        results[index] = { index, status: 'updated', listing: toListingDto(stored, tickets, sellerId, c.fees) };
      }),
    );
  const count = (s: ListingRowOutcome['status']) => results.filter((r) => r.status === s).length;
  return {
    created: count('created'),
    unchanged: count('unchanged'),
    updated: count('updated'),
    failed: count('failed'),
    results,
  };
}

/**
 * The seller's listings with these ids, one `$in` read whatever their events (an externalRef
 * names one listing per seller: reusing it for another event is refused above). `sellerId`
 * narrows it too: a FerretDB without the dev database's `$in` pushdown evaluates `$in` itself
 * over what the equality leaves. (Several `$in` reads side by side were faster with the
 * pushdown, one thread decoding each, and four times slower without it.)
 */
async function listingsById(c: TicketsDeps, sellerId: string, ids: string[]): Promise<Map<string, ListingDoc>> {
  if (ids.length === 0) return new Map();
  const found = await c.listingDocs.find({ sellerId, _id: { $in: ids } }).lean<ListingDoc[]>();
  return new Map(found.map((l) => [l._id, l]));
}

async function ticketsById(c: TicketsDeps, ids: string[]): Promise<Map<string, TicketDoc>> {
  if (ids.length === 0) return new Map();
  const found = await c.tickets.find({ _id: { $in: ids } }).lean<TicketDoc[]>();
  return new Map(found.map((t) => [t._id, t]));
}

/** Changed rows of a re-import updated at once. */
const EXISTING_IN_FLIGHT = 16;
/** Seats are inserted 1000 at a time, a few batches at once (one 10,000-document insert is slower on FerretDB). */
const TICKET_CHUNK = 1000;
const CHUNKS_IN_FLIGHT = 3;

async function createInChunks(c: TicketsDeps, docs: TicketDoc[]): Promise<{ ok: boolean }[]> {
  const chunks: TicketDoc[][] = [];
  for (let i = 0; i < docs.length; i += TICKET_CHUNK) chunks.push(docs.slice(i, i + TICKET_CHUNK));
  const out: { ok: boolean }[][] = new Array(chunks.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < chunks.length; i = next++) out[i] = await c.store.createMany(chunks[i], ticketCreated);
  };
  await Promise.all(Array.from({ length: Math.min(CHUNKS_IN_FLIGHT, chunks.length) }, worker));
  return out.flat();
}
