import { formatCents, sellerProceeds } from '@bigtix/common';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { NotSignedInError } from '../../lib/errors';
import { feeSchedule } from '../../lib/fees';
import { formatTable } from '../../lib/output';
import { allMyListings } from './my-listings';

/** Seat labels compactly: `1–4` when they are consecutive numbers, else `1;3;5`. */
export function seatRange(seats: string[] | null): string {
  if (!seats || seats.length === 0) return 'GA';
  const nums = seats.map(Number);
  const consecutive = nums.every((n, i) => Number.isInteger(n) && (i === 0 || n === nums[i - 1] + 1));
  return consecutive && seats.length > 1 ? `${seats[0]}–${seats[seats.length - 1]}` : seats.join(';');
}

/** `bigtix listings --groups`: the seller's listings, one line per group of seats. */
export async function runListingGroups(opts: GlobalOptions & { event?: string; status?: string }, deps: Deps) {
  const { api } = await deps.session(opts);
  if (!api.signedIn) throw new NotSignedInError();
  const listings = (await allMyListings(api, opts.event)).filter((l) => !opts.status || l.status === opts.status);
  const fees = await feeSchedule(api, deps.out);
  const rows = listings.map((l) => ({ ...l, proceeds: sellerProceeds(l.price, fees) }));
  if (opts.json) return deps.out.json(rows);
  if (rows.length === 0) return deps.out.info('No listings match.');
  deps.out.data(
    formatTable(
      ['ID', 'REF', 'EVENT', 'SECTION', 'ROW', 'SEATS', 'AVAIL', 'PRICE', 'PROCEEDS', 'SPLITS', 'STATUS'],
      rows.map((l) => [
        l.id,
        l.externalRef ?? '',
        l.eventId,
        l.section,
        l.row ?? '',
        seatRange(l.seats),
        `${l.available}/${l.quantity}`,
        formatCents(l.price),
        formatCents(l.proceeds),
        Array.isArray(l.splits) ? l.splits.join(';') : l.splits,
        l.status,
      ]),
    ),
  );
  deps.out.info(deps.out.dim(`${rows.length} listing(s)`));
}
