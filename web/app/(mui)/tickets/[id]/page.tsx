import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { fetchTicket } from '@/lib/api/tickets';
import { fetchEvent } from '@/lib/api/events';
import { LinkButton } from '@/components/layout/links';

type Params = { params: Promise<{ id: string }> };
const loadTicket = cache(fetchTicket);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const ticket = await loadTicket((await params).id);
  if (!ticket) return { title: 'Listing not found' };
  const event = await fetchEvent(ticket.eventId).catch(() => null);
  const title = `${ticket.title} · ${ticket.priceLabel}`;
  const description = event
    ? `${ticket.title} for ${event.name}, ${event.dateLabel}: ${ticket.priceLabel} all-in.`
    : ticket.description;
  return { title, description, openGraph: { title, description, url: `/tickets/${ticket.id}` } };
}

export default async function TicketPage({ params }: Params) {
  const ticket = await loadTicket((await params).id);
  if (!ticket) notFound();
  const event = await fetchEvent(ticket.eventId).catch(() => null);
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
        {ticket.title}
      </Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={1}>
          <Typography variant="h5" component="p">
            {ticket.priceLabel}{' '}
            <Typography component="span" variant="body2" color="text.secondary">
              all-in
            </Typography>
          </Typography>
          <Chip
            label={ticket.status}
            color={ticket.status === 'available' ? 'success' : 'default'}
            sx={{ alignSelf: 'start' }}
          />
          {ticket.description && <Typography>{ticket.description}</Typography>}
          {event && (
            <Typography color="text.secondary">
              {event.name} · {event.dateLabel} · {event.venueLabel}
            </Typography>
          )}
        </Stack>
      </Paper>
      {ticket.status !== 'available' && <Alert severity="info">This ticket is not for sale right now.</Alert>}
      <LinkButton href={`/events/${ticket.eventId}`} variant="contained" sx={{ alignSelf: 'start' }}>
        {ticket.status === 'available' ? 'Buy on the event page' : 'See other tickets for this event'}
      </LinkButton>
    </Stack>
  );
}
