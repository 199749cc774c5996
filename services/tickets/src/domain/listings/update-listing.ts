import { ConflictError, ForbiddenError, NotFoundError, UpdateListingInput } from '@bigtix/common';
import type { ListingDoc } from '../../models/listing';
import type { TicketsDeps } from '../../deps';
import { MUTABLE_FIELDS } from './new-listing';
import { syncListingTickets } from './sync-listing-tickets';

export const listingNotFound = (id: string) => new NotFoundError(`No listing with id ${id}`);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether applying `patch` would change the listing. */
export function changesListing(stored: ListingDoc, patch: UpdateListingInput): boolean {
  return MUTABLE_FIELDS.some((f) => patch[f] !== undefined && !same(patch[f], stored[f]));
}

/**
 * `PUT /api/listings/:id` and a re-import's changed row: the listing's new version (claimed by
 * VersionedStore), then its seats' tickets follow it (sync-listing-tickets.ts). A re-price
 * applies to the next buyer; an order keeps the price it was made at. `relist` (a re-import of a
 * withdrawn listing) makes it active again.
 */
export async function updateListing(
  c: TicketsDeps,
  callerId: string,
  id: string,
  patch: UpdateListingInput,
  options: { relist?: boolean } = {},
): Promise<ListingDoc> {
  const stored = await c.listingStore.change(id, (current) => {
    if (current.sellerId !== callerId) throw new ForbiddenError("Only the listing's seller can change it");
    if (current.status === 'withdrawn' && !options.relist)
      throw new ConflictError('Listing is withdrawn and cannot be edited', { status: current.status });
    const next: ListingDoc = { ...current };
    for (const f of MUTABLE_FIELDS)
      if (patch[f] !== undefined) (next as unknown as Record<string, unknown>)[f] = patch[f];
    if (options.relist) next.status = 'active';
    if (!changesListing(current, patch) && next.status === current.status) return null;
    return { next: { ...next, updatedAt: new Date(c.now()) }, events: () => [] };
  });
  if (!stored) throw listingNotFound(id);
  // Always, not only when the listing changed: it finishes a sync a crash interrupted.
  await syncListingTickets(c, stored, options.relist === true);
  return stored;
}

/**
 * `DELETE /api/listings/:id`: withdraws every seat not held or sold (held seats return to
 * withdrawn when their hold ends). Repeating it is a no-op.
 */
export async function withdrawListing(c: TicketsDeps, callerId: string, id: string): Promise<ListingDoc> {
  const stored = await c.listingStore.change(id, (current) => {
    if (current.sellerId !== callerId) throw new ForbiddenError("Only the listing's seller can withdraw it");
    if (current.status === 'withdrawn') return null;
    return { next: { ...current, status: 'withdrawn', updatedAt: new Date(c.now()) }, events: () => [] };
  });
  if (!stored) throw listingNotFound(id);
  await syncListingTickets(c, stored);
  return stored;
}
