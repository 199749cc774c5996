import type { ListingDto } from '@bigtix/common';
import { holdListing } from '../orders/listing-actions';
import { money } from '@/lib/format';
import { listingDetails, seatsLabel } from '@/lib/view/listing';

const QUANTITIES = [1, 2, 3, 4, 5, 6, 7, 8];

/** "How many tickets?" first: a plain GET form, so it works before (and without) any script. */
export function QuantityForm({ eventId, quantity }: { eventId: string; quantity: number | null }) {
  return (
    <form method="get" action={`/events/${eventId}`} className="bt-toolbar">
      <label htmlFor="quantity" className="bt-p">
        How many tickets?
      </label>
      <select id="quantity" name="quantity" className="bt-input" defaultValue={quantity ?? 2} data-testid="quantity">
        {QUANTITIES.map((q) => (
          <option key={q} value={q}>
            {q}
          </option>
        ))}
      </select>
      <button type="submit" className="bt-btn bt-btn-contained bt-btn-sm">
        Show seats
      </button>
    </form>
  );
}

/** The listings that can sell that many seats together, all-in prices each and in total. */
export function ListingResults({
  eventId,
  quantity,
  listings,
  gone,
  userId,
}: {
  eventId: string;
  quantity: number;
  listings: ListingDto[];
  gone: string | null;
  userId: string | null;
}) {
  if (listings.length === 0)
    return (
      <div className="bt-alert">No listing can sell {quantity} seats together right now. Try another quantity.</div>
    );
  return (
    <>
      {gone && (
        <div role="alert" className="bt-alert bt-alert-warning">
          Those seats were just taken. Here is what is left for {quantity}.
        </div>
      )}
      <ul className="bt-list" style={{ gap: 8 }} aria-label={`Listings for ${quantity}, cheapest first`}>
        {listings.map((l) => (
          <li key={l.id} className="bt-ticket" data-testid="listing">
            <div>
              <strong>Section {l.section}</strong> · {seatsLabel(l.row, l.seats)}{' '}
              <span className="bt-small bt-muted">(together)</span>
              <div className="bt-small bt-muted" data-testid="listing-details">
                {listingDetails(l).join(' · ')}
              </div>
            </div>
            <div style={{ textAlign: 'right' }}>
              <div>
                {money(l.allInPrice)} each · <strong>{money(l.allInPrice * quantity)}</strong> total
              </div>
              {l.sellerId === userId ? (
                <span className="bt-small bt-muted">Your listing</span>
              ) : (
                <form action={holdListing.bind(null, eventId, l.id, quantity)}>
                  <button type="submit" className="bt-btn bt-btn-contained bt-btn-sm">
                    Buy {quantity}
                  </button>
                </form>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
