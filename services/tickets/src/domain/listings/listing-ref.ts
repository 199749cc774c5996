import type { TicketListingRef } from '@bigtix/common';
import type { TicketDoc } from '../../models/ticket';

/** The ticket's place in its listing, as `ticket.*` events carry it to orders. */
export function listingRefOf(doc: TicketDoc): TicketListingRef {
  return {
    id: doc.listingId!,
    section: doc.section ?? '',
    row: doc.row ?? null,
    seat: doc.seat ?? null,
    position: doc.position ?? 0,
    seated: doc.seat != null,
    splits: doc.splits ?? 'any',
  };
}
