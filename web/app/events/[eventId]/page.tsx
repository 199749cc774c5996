import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { TicketPicker } from '@/components/events/ticket-picker';
import { fetchEvent } from '@/lib/api/events';
import { fetchEventTickets } from '@/lib/api/tickets';
import { fetchCurrentUser } from '@/lib/api/auth';
import { dateTime, money } from '@/lib/format';

type Params = { params: Promise<{ eventId: string }> };
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
    openGraph: { title: `${event.name} tickets`, description, type: 'website', url: `/events/${event.id}`, images: event.image ? [event.image] : [] },
    twitter: { card: event.image ? 'summary_large_image' : 'summary', title: `${event.name} tickets`, description },
  };
}

export default async function EventPage({ params }: Params) {
  const { eventId } = await params;
  const [event, tickets, user] = await Promise.all([loadEvent(eventId), fetchEventTickets(eventId).catch(() => null), fetchCurrentUser()]);
  if (!event) notFound();
  const cheapest = tickets?.[0];

  return (
    <Stack spacing={2}>
      {event.statusNotice && (
        <Alert severity={event.status === 'cancelled' ? 'error' : 'warning'} data-testid="event-status-banner">
          {event.statusNotice}
        </Alert>
      )}
      {event.image && (
        <Box
          component="img"
          src={event.image}
          alt=""
          width={640}
          height={360}
          fetchPriority="high"
          sx={{ width: '100%', height: 'auto', aspectRatio: '16 / 9', objectFit: 'cover', borderRadius: 2, bgcolor: 'action.hover' }}
        />
      )}
      <Box>
        <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
          {event.name}
        </Typography>
        <Typography color="text.secondary">{event.dateLabel}</Typography>
        <Typography color="text.secondary">{event.venueLabel}</Typography>
        {event.info && (
          <Typography variant="body2" sx={{ mt: 1 }}>
            {event.info}
          </Typography>
        )}
      </Box>
      <section aria-labelledby="tickets-heading">
        <Typography id="tickets-heading" variant="h5" component="h2">
          Tickets for sale
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {tickets && tickets.length
            ? `${tickets.length} listed, from ${money(cheapest!.price)}. Prices are all-in: what you see is what you pay. Updated ${dateTime(new Date().toISOString())}.`
            : 'Prices are all-in: no fees are added at checkout.'}
        </Typography>
        {tickets === null ? (
          <Alert severity="warning">Tickets could not be loaded right now. Try again in a moment.</Alert>
        ) : tickets.length === 0 ? (
          <Alert severity="info">No tickets are listed for this event yet.</Alert>
        ) : (
          <TicketPicker
            eventId={event.id}
            signedIn={!!user}
            tickets={tickets.map((t) => ({ id: t.id, title: t.title, description: t.description, price: t.price, priceLabel: t.priceLabel, mine: t.sellerId === user?.id }))}
          />
        )}
      </section>
    </Stack>
  );
}
