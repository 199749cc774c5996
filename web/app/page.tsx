import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import Alert from '@mui/material/Alert';
import type { Metadata } from 'next';
import { SearchForm } from '@/components/events/search-form';
import { EventCard } from '@/components/events/event-card';
import { fetchEventsWithTickets, searchEvents } from '@/lib/api/events';
import { money } from '@/lib/format';

type Search = { keyword?: string; city?: string; date?: string };

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  const { keyword, city } = await searchParams;
  const what = [keyword, city].filter(Boolean).join(' in ');
  return what
    ? { title: `Tickets for ${what}`, openGraph: { title: `Resale tickets for ${what} on BigTix` } }
    : { title: { absolute: 'BigTix: resale tickets for real events' } };
}

const clean = (v: string | undefined, max: number) => (v ?? '').trim().slice(0, max);

export default async function HomePage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const keyword = clean(sp.keyword, 200);
  const city = clean(sp.city, 100);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(sp.date ?? '') ? sp.date! : '';
  const searching = Boolean(keyword || city || date);

  return (
    <Stack spacing={3}>
      <Stack spacing={1}>
        <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
          Find tickets
        </Typography>
        <SearchForm keyword={keyword} city={city} date={date} />
      </Stack>
      {searching ? <SearchResults keyword={keyword} city={city} date={date} /> : <WithTickets />}
    </Stack>
  );
}

async function SearchResults(q: Search) {
  const events = await searchEvents(q);
  return (
    <section aria-labelledby="results-heading">
      <Typography id="results-heading" variant="h5" component="h2" gutterBottom>
        {events.length ? `Events (${events.length})` : 'No events match'}
      </Typography>
      <Stack component="ul" spacing={1.5} sx={{ p: 0, m: 0 }} data-testid="search-results">
        {events.map((e) => (
          <EventCard key={e.id} event={e} />
        ))}
      </Stack>
    </section>
  );
}

async function WithTickets() {
  const events = await fetchEventsWithTickets();
  return (
    <section aria-labelledby="upcoming-heading">
      <Typography id="upcoming-heading" variant="h5" component="h2" gutterBottom>
        Upcoming events with tickets
      </Typography>
      {events.length === 0 ? (
        <Alert severity="info">No tickets are listed right now. Search for an event above, or sell yours.</Alert>
      ) : (
        <Stack component="ul" spacing={1.5} sx={{ p: 0, m: 0 }}>
          {events.map((e) => (
            <EventCard key={e.id} event={e} extra={`${e.ticketCount} from ${money(e.fromPrice)}`} />
          ))}
        </Stack>
      )}
    </section>
  );
}
