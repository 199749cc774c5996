'use client';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, useTransition } from 'react';
import { changePrice, delist, delistGroup, repriceGroup } from './actions';

export interface ListingRowProps {
  /** A listing's id, or (kind `ticket`) the id of a ticket listed before listings existed. */
  id: string;
  kind: 'listing' | 'ticket';
  title: string;
  /** "2 of 4 for sale · 2 sold". */
  countsLabel: string;
  /** The listing price per ticket. */
  priceLabel: string;
  /** What the seller receives for one ticket, after the seller fee. */
  proceedsLabel: string;
  /** What a buyer pays for one ticket. */
  allInLabel: string;
  priceDollars: string;
  status: 'available' | 'held' | 'sold' | 'withdrawn';
  /** Set when BigTix withdrew it, not the seller. */
  withdrawnReason?: 'event-cancelled' | 'expired';
  eventLabel: string;
}

const reasonText = {
  'event-cancelled': 'Withdrawn: event cancelled',
  expired: 'Expired: the event has started',
} as const;

const statusText = { available: 'For sale', held: 'Held by a buyer', sold: 'Sold', withdrawn: 'Delisted' } as const;
const statusColor = { available: 'success', held: 'warning', sold: 'info', withdrawn: 'default' } as const;

export function ListingRow(p: ListingRowProps) {
  const [editing, setEditing] = useState(false);
  const [price, setPrice] = useState(p.priceDollars);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const editable = p.status === 'available';
  const [reprice, withdraw] = p.kind === 'listing' ? [repriceGroup, delistGroup] : [changePrice, delist];
  const run = (fn: () => Promise<{ error: string | null }>) =>
    start(async () => {
      const r = await fn();
      setError(r.error);
      if (!r.error) setEditing(false);
    });

  return (
    <Card component="li" variant="outlined" sx={{ listStyle: 'none' }} data-testid="listing">
      <CardContent>
        <Stack direction="row" justifyContent="space-between" alignItems="start" spacing={1}>
          <div>
            <Typography sx={{ fontWeight: 700 }}>{p.title}</Typography>
            <Typography variant="body2" color="text.secondary">
              {p.eventLabel}
            </Typography>
            <Typography variant="body2" data-testid="listing-counts">
              {p.countsLabel}
            </Typography>
          </div>
          <Chip
            size="small"
            label={p.status === 'withdrawn' && p.withdrawnReason ? reasonText[p.withdrawnReason] : statusText[p.status]}
            color={statusColor[p.status]}
            data-testid="listing-status"
          />
        </Stack>
        {editing ? (
          <Stack
            direction="row"
            spacing={1}
            sx={{ mt: 1 }}
            component="form"
            onSubmit={(e) => (e.preventDefault(), run(() => reprice(p.id, price)))}
          >
            <TextField
              size="small"
              label={`New price per ticket for ${p.title}`}
              value={price}
              onChange={(e) => setPrice(e.target.value)}
              slotProps={{
                input: { startAdornment: <InputAdornment position="start">$</InputAdornment> },
                htmlInput: { inputMode: 'decimal' },
              }}
            />
            <Button type="submit" variant="contained" disabled={pending}>
              Save
            </Button>
            <Button onClick={() => setEditing(false)}>Cancel</Button>
          </Stack>
        ) : (
          <Stack direction="row" spacing={1} useFlexGap alignItems="center" sx={{ mt: 1, flexWrap: 'wrap' }}>
            <Typography sx={{ fontWeight: 700, flex: 1 }}>
              {p.priceLabel}
              <Typography component="span" variant="body2" color="text.secondary">
                {' '}
                each · <span data-testid="listing-proceeds">you receive {p.proceedsLabel}</span> · buyers pay{' '}
                <span data-testid="listing-all-in">{p.allInLabel}</span>
              </Typography>
            </Typography>
            {editable && (
              <>
                <Button size="small" onClick={() => setEditing(true)} aria-label={`Edit price of ${p.title}`}>
                  Edit price
                </Button>
                <Button
                  size="small"
                  color="error"
                  disabled={pending}
                  onClick={() => run(() => withdraw(p.id))}
                  aria-label={`Delist ${p.title}`}
                >
                  Delist
                </Button>
              </>
            )}
          </Stack>
        )}
        {error && (
          <Alert severity="error" role="alert" sx={{ mt: 1 }}>
            {error}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
