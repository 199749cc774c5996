'use client';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import Link from 'next/link';
import { useActionState, useState } from 'react';
import { holdTickets, type HoldState } from '../orders/actions';
import { money } from '@/lib/format';

export interface PickableTicket {
  id: string;
  title: string;
  description: string;
  price: number;
  priceLabel: string;
  mine: boolean;
}

/** Choose tickets for one event and hold them; all prices are all-in (no fees are added at checkout). */
export function TicketPicker({ eventId, tickets, signedIn }: { eventId: string; tickets: PickableTicket[]; signedIn: boolean }) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [state, action, pending] = useActionState<HoldState, FormData>(holdTickets.bind(null, eventId), { error: null, unavailable: [] });
  const total = tickets.filter((t) => chosen.has(t.id)).reduce((s, t) => s + t.price, 0);
  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Box component="form" action={action}>
      <List disablePadding sx={{ display: 'grid', gap: 1 }} aria-label="Tickets for sale, cheapest first">
        {tickets.map((t) => {
          const inputId = `pick-${t.id}`;
          const gone = state.unavailable.includes(t.id);
          return (
            <ListItem key={t.id} disablePadding>
              <Paper variant="outlined" sx={{ display: 'flex', alignItems: 'center', width: '100%', p: 1, gap: 1, opacity: gone ? 0.5 : 1 }}>
                <Checkbox
                  id={inputId}
                  name="ticket"
                  value={`${t.id}:${t.price}`}
                  checked={chosen.has(t.id)}
                  onChange={() => toggle(t.id)}
                  disabled={t.mine || gone}
                  slotProps={{ input: { 'aria-describedby': `${inputId}-price` } }}
                />
                <Box component="label" htmlFor={inputId} sx={{ flex: 1, cursor: t.mine ? 'default' : 'pointer' }}>
                  <Typography sx={{ fontWeight: 600 }}>{t.title}</Typography>
                  {t.description && (
                    <Typography variant="body2" color="text.secondary">
                      {t.description}
                    </Typography>
                  )}
                  {t.mine && (
                    <Typography variant="body2" color="text.secondary">
                      Your listing
                    </Typography>
                  )}
                  {gone && (
                    <Typography variant="body2" color="error">
                      No longer available at this price
                    </Typography>
                  )}
                </Box>
                <Box sx={{ textAlign: 'right' }}>
                  <Typography id={`${inputId}-price`} sx={{ fontWeight: 700 }}>
                    {t.priceLabel}
                  </Typography>
                  <Link href={`/tickets/${t.id}`} style={{ fontSize: 14, color: 'inherit' }}>
                    Details<span className="visually-hidden"> of {t.title}</span>
                  </Link>
                </Box>
              </Paper>
            </ListItem>
          );
        })}
      </List>
      {state.error && (
        <Alert severity="error" role="alert" sx={{ mt: 2 }}>
          {state.error}
        </Alert>
      )}
      <Paper elevation={3} sx={{ position: 'sticky', bottom: 8, mt: 2, p: 1.5, display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography sx={{ flex: 1 }} aria-live="polite">
          {chosen.size === 0 ? 'Choose tickets' : `${chosen.size} ticket${chosen.size > 1 ? 's' : ''} · ${money(total)} all-in`}
        </Typography>
        <Button type="submit" variant="contained" size="large" disabled={chosen.size === 0 || pending}>
          {pending ? 'Holding…' : signedIn ? 'Hold & check out' : 'Sign in to buy'}
        </Button>
      </Paper>
    </Box>
  );
}
