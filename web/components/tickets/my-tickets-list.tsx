'use client';
import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { loadMyTickets, saveMyTickets, type StoredTickets } from '../pwa/device-store';
import { useOnline } from '../pwa/offline-banner';

function when(iso: string) {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * Renders the server's list and keeps a copy on the device; without a server list (offline, or the
 * service is down) it shows the device copy with the time it was saved, and only to the user who
 * saved it: `userId` when the server knows who is signed in, else the user this device last saw
 * signed in (the static /offline page).
 */
export function MyTicketsList({ fresh, userId }: { fresh: StoredTickets | null; userId: string | null }) {
  const [shown, setShown] = useState<StoredTickets | null>(fresh);
  const online = useOnline();

  useEffect(() => {
    if (fresh) saveMyTickets(fresh);
    else {
      const stored = userId ? loadMyTickets(userId) : loadMyTickets();
      if (stored) setShown(stored);
    }
  }, [fresh, userId]);

  if (!shown) {
    return (
      <Alert severity="info">
        {online
          ? 'You have not bought any tickets yet.'
          : 'No tickets are saved on this device yet. Open My tickets once while online.'}
      </Alert>
    );
  }
  const stale = !online || !fresh;
  return (
    <Stack spacing={1.5}>
      <Typography
        variant="body2"
        color={stale ? 'text.primary' : 'text.secondary'}
        sx={{ fontWeight: stale ? 600 : 400 }}
        data-testid="last-updated"
      >
        {stale ? 'Saved on this device. ' : ''}Last updated {when(shown.savedAt)}
      </Typography>
      {shown.tickets.length === 0 && <Alert severity="info">You have not bought any tickets yet.</Alert>}
      <Stack component="ul" spacing={1.5} sx={{ p: 0, m: 0 }} data-testid="my-tickets">
        {shown.tickets.map((t) => (
          <Card key={t.id} component="li" variant="outlined" sx={{ listStyle: 'none' }}>
            <CardContent>
              {/* A seat of a listing says where it is; its title says the same in other words. */}
              {t.seatLabel ? (
                <Typography sx={{ fontWeight: 700 }} data-testid="ticket-seat">
                  {t.seatLabel}
                </Typography>
              ) : (
                <Typography sx={{ fontWeight: 700 }}>{t.title}</Typography>
              )}
              {t.eventName && (
                <Typography variant="body2" color="text.secondary">
                  {t.eventName}
                  {t.eventDate ? ` · ${t.eventDate}` : ''}
                </Typography>
              )}
              {t.eventNotice && (
                <Alert severity={t.eventNotice.severity} sx={{ my: 1 }} data-testid="event-notice">
                  {t.eventNotice.text}
                </Alert>
              )}
              <Typography variant="body2">
                Serial number: <strong data-testid="serial-number">{t.serialNumber ?? 'hidden'}</strong>
              </Typography>
              <Typography variant="body2" color="text.secondary">
                Paid {t.priceLabel}
              </Typography>
            </CardContent>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
