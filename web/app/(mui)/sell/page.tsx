import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import Link from 'next/link';
import { EventCard } from '@/components/events/event-card';
import { SearchForm } from '@/components/events/search-form';
import { SellForm } from '@/components/sell/sell-form';
import { FEES } from '@/lib/fees';
import { fetchEvent, searchEvents } from '@/lib/api/events';
import { requireUser } from '@/lib/session';
import { LinkButton } from '@/components/layout/links';

export const metadata: Metadata = { title: 'Sell tickets', robots: { index: false } };

type Search = { eventId?: string; keyword?: string; city?: string; date?: string };

export default async function SellPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const here = `/sell${sp.eventId ? `?eventId=${encodeURIComponent(sp.eventId)}` : ''}`;
  await requireUser(here);

  if (sp.eventId) {
    const event = await fetchEvent(sp.eventId);
    if (!event)
      return (
        <Alert severity="error">
          That event was not found on Ticketmaster. <Link href="/sell">Search again</Link>
        </Alert>
      );
    return (
      <Stack spacing={2}>
        <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
          Sell tickets
        </Typography>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography sx={{ fontWeight: 700 }} data-testid="sell-event-name">
            {event.name}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {event.dateLabel} · {event.venueLabel}
          </Typography>
          <LinkButton href="/sell" size="small">
            Choose another event
          </LinkButton>
        </Paper>
        {event.statusNotice && <Alert severity="warning">{event.statusNotice}</Alert>}
        <SellForm eventId={event.id} fees={FEES} />
      </Stack>
    );
  }

  const searching = Boolean(sp.keyword || sp.city || sp.date);
  const events = searching
    ? await searchEvents({
        keyword: sp.keyword?.slice(0, 200),
        city: sp.city?.slice(0, 100),
        date: /^\d{4}-\d{2}-\d{2}$/.test(sp.date ?? '') ? sp.date : undefined,
      })
    : [];
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
        Sell tickets
      </Typography>
      <Typography>First find the event on Ticketmaster.</Typography>
      <SearchForm action="/sell" keyword={sp.keyword} city={sp.city} date={sp.date} />
      {searching && events.length === 0 && <Alert severity="info">No events match. Try another name or city.</Alert>}
      <Stack component="ul" spacing={1.5} sx={{ p: 0, m: 0 }}>
        {events.map((e) => (
          <EventCard key={e.id} event={e} href={`/sell?eventId=${e.id}`} extra="Sell tickets for this" />
        ))}
      </Stack>
    </Stack>
  );
}
