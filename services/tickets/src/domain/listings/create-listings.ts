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
import { ticketCreated, ticketUpdated } from '../ticket-views';
import type { TicketsContext } from '../tickets-context';
import { listingIdFor } from './listing-ids';
import { toListingDto } from './listing-views';
import { newListing, sameSeats } from './new-listing';
import { changesListing, updateListing } from './update-listing';

type Existing = { listing: ListingDoc; serials: string[] };
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
export async function createListings(
  c: TicketsContext,
  sellerId: string,
  body: unknown,
): Promise<BulkListingsResponse> {
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

  // What is already listed for these events: one equality query per event (see bulk-create-tickets.ts).
  const ticketsByEvent = new Map(
    await Promise.all(
      eventIds.map(
        async (eventId) =>
          [
            eventId,
            (await c.tickets
              .find({ eventId }, { _id: 1, serialNumber: 1, sellerId: 1, listingId: 1, position: 1, status: 1 })
              .lean()) as unknown as TicketDoc[],
          ] as const,
      ),
    ),
  );
  const listedSerials = new Map<string, TicketDoc>();
  for (const [eventId, ts] of ticketsByEvent)
    for (const t of ts) listedSerials.set(`${eventId}\u0000${t.serialNumber}`, t);

  const plans: (Plan | null)[] = await Promise.all(
    rows.map(async (input): Promise<Plan | null> => {
      if (!input) return null;
      const listing = input.externalRef
        ? await c.listingStore.findById(listingIdFor(sellerId, input.externalRef))
        : null;
      if (!listing) return { kind: 'create', input };
      const serials = (ticketsByEvent.get(listing.eventId) ?? [])
        .filter((t) => t.listingId === listing._id)
        .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
        .map((t) => t.serialNumber);
      return { kind: 'existing', input, existing: { listing, serials } };
    }),
  );
  plans.forEach((plan, i) => {
    if (!plan) return;
    if (plan.kind === 'existing' && !sameSeats(plan.existing.listing, plan.input, plan.existing.serials)) {
      bad(
        i,
        'externalRef',
        `"${plan.input.externalRef}" is already listed with other seats or serials (${plan.existing.listing._id}); seats cannot change: withdraw it and list the new seats under a new externalRef`,
      );
      return;
    }
    const ownId =
      plan.kind === 'existing' ? plan.existing.listing._id : listingIdFor(sellerId, plan.input.externalRef ?? null);
    for (const serial of plan.input.serials) {
      const there = listedSerials.get(`${plan.input.eventId}\u0000${serial}`);
      // Our own listing's tickets (a re-run, or a creation a crash interrupted) are no conflict.
      if (there && !(plan.input.externalRef && there.listingId === ownId))
        bad(i, 'serials', `serial "${serial}" is already listed for event ${plan.input.eventId}`);
    }
  });

  if (errors.length > 0) {
    const badRows = new Set(errors.map((e) => e.field?.split('.')[1]));
    throw new BadRequestError(`Invalid request body: ${badRows.size} bad row(s); nothing was listed`, errors);
  }

  const now = c.now?.() ?? new Date();
  const results: ListingRowOutcome[] = new Array(plans.length);
  const creates = plans.flatMap((p, index) =>
    p?.kind === 'create' ? [{ index, ...newListing(p.input, sellerId, now) }] : [],
  );

  // Seats first, then the listings that show them.
  const ticketDocs = creates.flatMap((r) => r.tickets);
  const ticketResults = await c.store.createMany(ticketDocs, ticketCreated);
  const refusedTicket = new Set(ticketDocs.filter((_, k) => !ticketResults[k].ok).map((t) => t._id));
  const ready: typeof creates = [];
  for (const row of creates) {
    // A refused seat is ours when it is our own derived id already there (a retried creation).
    const lost = row.tickets.filter((t) => refusedTicket.has(t._id));
    const ours = await Promise.all(
      lost.map(async (t) => (await c.store.findById(t._id))?.listingId === row.listing._id),
    );
    if (ours.every(Boolean)) ready.push(row);
    else
      results[row.index] = {
        index: row.index,
        status: 'failed',
        message: 'a serial of this listing was listed by someone else at the same moment; nothing of it is for sale',
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

  for (let index = 0; index < plans.length; index++) {
    const plan = plans[index];
    if (plan?.kind !== 'existing') continue;
    const { listing } = plan.existing;
    const relist = listing.status === 'withdrawn';
    const changed = relist || changesListing(listing, plan.input);
    const stored = changed ? await updateListing(c, sellerId, listing._id, plan.input, { relist }) : listing;
    const tickets = (await c.tickets.find({ listingId: listing._id }).lean()) as unknown as TicketDoc[];
    results[index] = {
      index,
      status: changed ? 'updated' : 'unchanged',
      listing: toListingDto(stored, tickets, sellerId, c.fees),
    };
  }
  if (creates.length > 0) c.nudge();

  const count = (s: ListingRowOutcome['status']) => results.filter((r) => r.status === s).length;
  return {
    created: count('created'),
    unchanged: count('unchanged'),
    updated: count('updated'),
    failed: count('failed'),
    results,
  };
}
