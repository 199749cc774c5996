import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { ListingRow } from '@/components/listings/listing-row';
import { fetchMyListings } from '@/lib/api/listings';
import { fetchUserListings } from '@/lib/api/tickets';
import { toSellerListings } from '@/lib/view/listing';
import { fetchEvent } from '@/lib/api/events';
import { requireUser } from '@/lib/session';
import { LinkButton } from '@/components/layout/links';

export const metadata: Metadata = { title: 'My listings', robots: { index: false } };

export default async function MyListingsPage({ searchParams }: { searchParams: Promise<{ listed?: string }> }) {
  const user = await requireUser('/my/listings');
  const { listed } = await searchParams;
  // Groups from the listings, which of their seats are held or sold from the tickets.
  const [groups, tickets] = await Promise.all([fetchMyListings(), fetchUserListings(user.id)]);
  const listings = toSellerListings(groups, tickets);
  const eventIds = [...new Set(listings.map((l) => l.eventId))].slice(0, 50);
  const events = new Map(
    (await Promise.all(eventIds.map((id) => fetchEvent(id).catch(() => null))))
      .filter((e) => !!e)
      .map((e) => [e!.id, e!]),
  );
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
        My listings
      </Typography>
      {listed && /^\d+$/.test(listed) && (
        <Alert severity="success" data-testid="listed-banner">
          {listed === '1' ? 'Your ticket is listed.' : `Your ${listed} tickets are listed together.`}
        </Alert>
      )}
      {listings.length === 0 && <Alert severity="info">You have not listed any tickets.</Alert>}
      <Stack direction="row" spacing={1}>
        <LinkButton href="/sell" variant="outlined">
          Sell more tickets
        </LinkButton>
        <LinkButton href="/my/payouts">Sales & payouts</LinkButton>
      </Stack>
      <Stack component="ul" spacing={1.5} sx={{ p: 0, m: 0 }}>
        {listings.map((l) => {
          const e = events.get(l.eventId);
          return (
            <ListingRow
              key={l.id}
              id={l.id}
              kind={l.kind}
              title={l.title}
              countsLabel={l.countsLabel}
              priceLabel={l.priceLabel}
              proceedsLabel={l.proceedsLabel}
              allInLabel={l.allInLabel}
              priceDollars={l.priceDollars}
              status={l.status}
              withdrawnReason={l.withdrawnReason}
              eventLabel={e ? `${e.name} · ${e.dateLabel}` : `Event ${l.eventId}`}
            />
          );
        })}
      </Stack>
    </Stack>
  );
}
