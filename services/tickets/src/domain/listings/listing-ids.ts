import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

const hex24 = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24);

/**
 * A listing's id: derived from (seller, externalRef) when there is one, so the unique `_id` is
 * what refuses a second listing for the same externalRef (re-imports, two uploads at once);
 * a fresh ObjectId otherwise.
 */
export const listingIdFor = (sellerId: string, externalRef: string | null): string =>
  externalRef ? hex24('listing', sellerId, externalRef) : new Types.ObjectId().toHexString();

/** A seat's ticket id, derived from its listing and place, so a retried creation writes the same tickets. */
export const seatTicketId = (listingId: string, position: number): string => hex24('seat', listingId, String(position));
