import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { TicketPicker } from '@/components/events/ticket-picker';
import { ListingResults, QuantityForm } from '@/components/events/listing-results';
import { fetchEventListings } from '@/lib/api/listings';
import { fetchEvent } from '@/lib/api/events';
import { fetchEventTickets } from '@/lib/api/tickets';
import { fetchCurrentUser } from '@/lib/api/auth';
import { dateTime, money } from '@/lib/format';

type Params = { params: Promise<{ eventId: string }> };
type Search = { searchParams?: Promise<{ quantity?: string; gone?: string }> };
const loadEvent = cache(fetchEvent);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { eventId } = await params;
  const event = await loadEvent(eventId);
  if (!event) return { title: 'Event not found' };
  const description = `Resale tickets for ${event.name}, ${event.dateLabel} at ${event.venueLabel}.`;
  return {
    title: event.name,
    description,
    alternates: { canonical: `/events/${event.id}` },
    openGraph: {
      title: `${event.name} tickets`,
      description,
      type: 'website',
      url: `/events/${event.id}`,
      images: event.image ? [event.image] : [],
    },
    twitter: { card: event.image ? 'summary_large_image' : 'summary', title: `${event.name} tickets`, description },
  };
}

export default async function EventPage({ params, searchParams }: Params & Search) {
  const { eventId } = await params;
  const search = (await searchParams) ?? {};
  const wanted = Number(search.quantity);
  const quantity = Number.isInteger(wanted) && wanted >= 1 && wanted <= 8 ? wanted : null;
  const [event, tickets, user, listings] = await Promise.all([
    loadEvent(eventId),
    fetchEventTickets(eventId).catch(() => null),
    fetchCurrentUser(),
    quantity ? fetchEventListings(eventId, quantity).catch(() => null) : Promise.resolve(null),
  ]);
  if (!event) notFound();
  const cheapest = tickets?.[0];

  return (
    <div className="bt-stack">
      {event.statusNotice && (
        <div
          role="alert"
          className={event.status === 'cancelled' ? 'bt-alert bt-alert-error' : 'bt-alert bt-alert-warning'}
          data-testid="event-status-banner"
        >
          {event.statusNotice}
        </div>
      )}
      {event.image && (
        // The LCP element: sized up front (no layout shift) and fetched first. A plain <img> because
        // images are unoptimized (no image server) and the source is Ticketmaster's CDN.
        <img
          className="bt-hero"
          src={event.image}
          alt=""
          width={640}
          height={360}
          fetchPriority="high"
          decoding="async"
        />
      )}
      <div>
        <h1 className="bt-h1">{event.name}</h1>
        <p className="bt-p bt-muted">{event.dateLabel}</p>
        <p className="bt-p bt-muted">{event.venueLabel}</p>
        {event.info && (
          <p className="bt-small" style={{ marginTop: 8 }}>
            {event.info}
          </p>
        )}
      </div>
      {event.seatmapUrl && (
        <section aria-labelledby="seatmap-heading">
          <h2 id="seatmap-heading" className="bt-h2" style={{ marginBottom: 0 }}>
            Seat map
          </h2>
          {/* Ticketmaster's static map of the venue for this event: below the fold, so lazy. */}
          <img
            className="bt-seatmap"
            src={event.seatmapUrl}
            alt={`Seat map of ${event.venueLabel || 'the venue'} for ${event.name}, with its sections`}
            width={600}
            height={450}
            loading="lazy"
            decoding="async"
            data-testid="seat-map"
          />
        </section>
      )}
      <section aria-labelledby="quantity-heading">
        <h2 id="quantity-heading" className="bt-h2" style={{ marginBottom: 0 }}>
          Seats together
        </h2>
        <QuantityForm eventId={event.id} quantity={quantity} />
        {quantity !== null &&
          (listings === null ? (
            <div className="bt-alert bt-alert-warning">
              Listings could not be loaded right now. Try again in a moment.
            </div>
          ) : (
            <ListingResults
              eventId={event.id}
              quantity={quantity}
              listings={listings}
              gone={search.gone ?? null}
              userId={user?.id ?? null}
            />
          ))}
      </section>
      <section aria-labelledby="tickets-heading">
        <h2 id="tickets-heading" className="bt-h2" style={{ marginBottom: 0 }}>
          Tickets for sale
        </h2>
        <p className="bt-small bt-muted" style={{ marginBottom: '0.35em' }}>
          {tickets && tickets.length
            ? `${tickets.length} listed, from ${money(cheapest!.allInPrice)}. Prices are all-in: what you see is what you pay. Updated ${dateTime(new Date().toISOString())}.`
            : 'Prices are all-in: the service fee is included, nothing is added at checkout.'}
        </p>
        {tickets === null ? (
          <div className="bt-alert bt-alert-warning">Tickets could not be loaded right now. Try again in a moment.</div>
        ) : tickets.length === 0 ? (
          <div className="bt-alert">No tickets are listed for this event yet.</div>
        ) : (
          <TicketPicker
            eventId={event.id}
            signedIn={!!user}
            tickets={tickets.map((t) => ({
              id: t.id,
              title: t.title,
              description: t.description,
              price: t.price,
              allInPrice: t.allInPrice,
              priceLabel: t.priceLabel,
              mine: t.sellerId === user?.id,
            }))}
          />
        )}
      </section>
    </div>
  );
}
