import type { ListingDoc } from '../../models/listing';
import type { TicketDoc } from '../../models/ticket';
import { ticketUpdated } from '../../events/publishers/ticket-events';
import type { TicketsDeps } from '../../deps';

/**
 * Brings each seat's ticket in line with its listing: price, split rule and notes; withdrawn
 * with the listing (a held seat is marked `withdrawRequested`, exactly as a single delist that
 * crossed a hold: it returns to `withdrawn` when the hold ends, the order keeps its seat); back
 * to available when a withdrawn listing is listed again. Sold seats are never touched. Each
 * ticket goes through VersionedStore, so an order event at the same moment is never overwritten.
 * Idempotent: running it again (after a crash between the listing's write and this) only
 * finishes what is left.
 */
export async function syncListingTickets(c: TicketsDeps, listing: ListingDoc, relist = false): Promise<TicketDoc[]> {
  const now = () => new Date(c.now());
  const out: TicketDoc[] = [];
  for (const ticketId of listing.ticketIds) {
    const stored = await c.store.change(ticketId, (t) => {
      if (t.status === 'sold') return null;
      const next: TicketDoc = { ...t, price: listing.price, splits: listing.splits, description: listing.notes };
      if (listing.status === 'withdrawn') {
        if (t.status === 'available') next.status = 'withdrawn';
        if (t.status === 'held') next.withdrawRequested = true;
      } else if (relist) {
        if (t.status === 'withdrawn') next.status = 'available';
        if (t.status === 'held') next.withdrawRequested = false;
      }
      const same =
        next.price === t.price &&
        JSON.stringify(next.splits) === JSON.stringify(t.splits) &&
        next.description === t.description &&
        next.status === t.status &&
        Boolean(next.withdrawRequested) === Boolean(t.withdrawRequested);
      return same ? null : { next: { ...next, updatedAt: now() }, events: ticketUpdated };
    });
    if (stored) out.push(stored);
  }
  return out;
}
