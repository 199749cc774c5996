import type { Metadata } from 'next';
import { SearchForm } from '@/components/events/search-form';
import { EventCard } from '@/components/events/event-card';
import { fetchEventsWithTickets, searchEvents } from '@/lib/api/events';
import { allInPrice } from '@bigtix/common';
import { FEES } from '@/lib/fees';
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
    <div className="bt-stack-lg">
      <div className="bt-stack-sm">
        <h1 className="bt-h1">Find tickets</h1>
        <SearchForm keyword={keyword} city={city} date={date} />
      </div>
      {searching ? <SearchResults keyword={keyword} city={city} date={date} /> : <WithTickets />}
    </div>
  );
}

async function SearchResults(q: Search) {
  const events = await searchEvents(q);
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="bt-h2">
        {events.length ? `Events (${events.length})` : 'No events match'}
      </h2>
      <ul className="bt-list" data-testid="search-results">
        {events.map((e) => (
          <EventCard key={e.id} event={e} />
        ))}
      </ul>
    </section>
  );
}

async function WithTickets() {
  const events = await fetchEventsWithTickets();
  return (
    <section aria-labelledby="upcoming-heading">
      <h2 id="upcoming-heading" className="bt-h2">
        Upcoming events with tickets
      </h2>
      {events.length === 0 ? (
        <div className="bt-alert">No tickets are listed right now. Search for an event above, or sell yours.</div>
      ) : (
        <ul className="bt-list">
          {events.map((e) => (
            <EventCard
              key={e.id}
              event={e}
              extra={`${e.ticketCount} from ${money(allInPrice(e.fromPrice, FEES))} all-in`}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
