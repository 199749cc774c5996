import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { ListingRow } from '@/components/listings/listing-row';
import { fetchUserListings } from '@/lib/api/tickets';
import { fetchEvent } from '@/lib/api/events';
import { requireUser } from '@/lib/session';
import { LinkButton } from '@/components/layout/links';

export const metadata: Metadata = { title: 'My listings', robots: { index: false } };

export default async function MyListingsPage({ searchParams }: { searchParams: Promise<{ listed?: string }> }) {
  const user = await requireUser('/my/listings');
  const { listed } = await searchParams;
  const listings = await fetchUserListings(user.id);
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
          {listed === '1' ? 'Your ticket is listed.' : `${listed} tickets are listed.`}
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
              title={l.title}
              priceLabel={l.listingPriceLabel}
              proceedsLabel={l.proceedsLabel}
              priceDollars={(l.price / 100).toFixed(2)}
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
