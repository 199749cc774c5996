'use client';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { FeeSchedule } from '@bigtix/common';
// The fee and money modules themselves, not the package's index: that would bring every zod
// schema into this page's bundle (~100 kB gzip). They are the functions the listings API uses.
import { allInPrice, sellerProceeds } from '@bigtix/common/fees';
import { parseDollarsToCents } from '@bigtix/common/money';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { money } from '@/lib/format';
import type { ListingField } from '@/lib/sell/listing-form';
import {
  DELIVERY_LABELS,
  DISCLOSURE_LABELS,
  SPLIT_LABELS,
  optionsOf,
  seatRange,
  seatSummary,
  splitSerials,
} from '@/lib/sell/seat-input';
import { listSeats, type SellState } from './actions';

const initial: SellState = { error: null, fieldErrors: {} };

/**
 * One listing: a group of seats in one section and row (or general admission), a serial per
 * seat, one price per ticket. Fields are controlled and the action is dispatched by hand so a
 * refused listing keeps what the seller typed (a form action would reset the form).
 */
export function SellForm({ eventId, fees }: { eventId: string; fees: FeeSchedule }) {
  const [state, dispatch, pending] = useActionState<SellState, FormData>(listSeats.bind(null, eventId), initial);
  const [f, setF] = useState({
    section: '',
    seating: 'seated',
    row: '',
    seatFrom: '',
    seatThru: '',
    seatStep: '1',
    quantity: '',
    serials: '',
    splits: 'any',
    price: '',
    faceValue: '',
    inHandDate: '',
    delivery: 'mobile_transfer',
    notes: '',
  });
  const [disclosures, setDisclosures] = useState<string[]>([]);
  const set = (name: keyof typeof f) => (e: { target: { value: string } }) =>
    setF((prev) => ({ ...prev, [name]: e.target.value }));
  const err = (field: ListingField) => state.fieldErrors[field];
  const seated = f.seating === 'seated';

  const range = seated ? seatRange(f.seatFrom, f.seatThru, f.seatStep === '2' ? 2 : 1) : null;
  const count = seated
    ? range && 'seats' in range
      ? range.seats.length
      : 0
    : Number.isInteger(Number(f.quantity))
      ? Number(f.quantity)
      : 0;
  const serialCount = splitSerials(f.serials).length;
  const cents = parseDollarsToCents(f.price);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };

  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ display: 'grid', gap: 2 }}>
      <Paper variant="outlined" sx={{ p: 2, display: 'grid', gap: 1.5 }}>
        <Typography component="h2" sx={{ fontWeight: 700 }}>
          Where are the seats?
        </Typography>
        <TextField
          name="section"
          label="Section"
          required
          value={f.section}
          onChange={set('section')}
          error={!!err('section')}
          helperText={err('section') ?? 'As printed on the ticket, e.g. 112 or Floor A'}
          slotProps={{ htmlInput: { maxLength: 50 } }}
        />
        <FormControl>
          <FormLabel id="seating-label">Seating</FormLabel>
          <RadioGroup row name="seating" aria-labelledby="seating-label" value={f.seating} onChange={set('seating')}>
            <FormControlLabel value="seated" control={<Radio />} label="Reserved seats" />
            <FormControlLabel value="ga" control={<Radio />} label="General admission" />
          </RadioGroup>
        </FormControl>
        {seated ? (
          <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr 1fr', sm: '1fr 1fr 1fr' } }}>
            <TextField
              name="row"
              label="Row"
              required
              value={f.row}
              onChange={set('row')}
              error={!!err('row')}
              helperText={err('row')}
              sx={{ gridColumn: { xs: '1 / -1', sm: 'auto' } }}
              slotProps={{ htmlInput: { maxLength: 20 } }}
            />
            <TextField
              name="seatFrom"
              label="Seat from"
              required
              value={f.seatFrom}
              onChange={set('seatFrom')}
              error={!!err('seats')}
              slotProps={{ htmlInput: { maxLength: 20, inputMode: 'numeric' } }}
            />
            <TextField
              name="seatThru"
              label="Seat thru"
              value={f.seatThru}
              onChange={set('seatThru')}
              error={!!err('seats')}
              slotProps={{ htmlInput: { maxLength: 20, inputMode: 'numeric' } }}
            />
            <TextField
              select
              name="seatStep"
              label="Seat numbering"
              value={f.seatStep}
              onChange={set('seatStep')}
              sx={{ gridColumn: '1 / -1' }}
              slotProps={{ select: { native: true } }}
            >
              <option value="1">Consecutive (7, 8, 9…)</option>
              <option value="2">Odd or even only (7, 9, 11…)</option>
            </TextField>
            <Typography
              variant="body2"
              color={err('seats') || (range && 'error' in range && f.seatFrom) ? 'error' : 'text.secondary'}
              sx={{ gridColumn: '1 / -1' }}
              data-testid="sell-seat-summary"
              role={err('seats') ? 'alert' : undefined}
            >
              {err('seats') ??
                (range && 'seats' in range
                  ? seatSummary(range.seats)
                  : f.seatFrom && range && 'error' in range
                    ? range.error
                    : 'The seats are side by side, in seat order.')}
            </Typography>
          </Box>
        ) : (
          <TextField
            name="quantity"
            label="Number of tickets"
            required
            value={f.quantity}
            onChange={set('quantity')}
            error={!!err('quantity')}
            helperText={err('quantity')}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4 } }}
          />
        )}
        <TextField
          name="serials"
          label="Serial numbers"
          required
          multiline
          minRows={2}
          value={f.serials}
          onChange={set('serials')}
          error={!!err('serials')}
          helperText={
            err('serials') ??
            `One per ${seated ? 'seat, in seat order' : 'ticket'}, separated by ";" (${serialCount} of ${count || '?'}). Only the buyer sees them.`
          }
          slotProps={{ htmlInput: { maxLength: 20_000, spellCheck: false, autoCapitalize: 'characters' } }}
        />
      </Paper>

      <Paper variant="outlined" sx={{ p: 2, display: 'grid', gap: 1.5 }}>
        <Typography component="h2" sx={{ fontWeight: 700 }}>
          Price and sale
        </Typography>
        <TextField
          name="price"
          label="Price per ticket"
          required
          value={f.price}
          onChange={set('price')}
          error={!!err('price')}
          helperText={
            err('price') ??
            (cents !== null && cents > 0 ? (
              <span data-testid="sell-price-preview">
                Buyers pay <strong data-testid="sell-buyer-price">{money(allInPrice(cents, fees))}</strong> per ticket
                (+ {fees.buyerFeeBps / 100} % service fee); you receive{' '}
                <strong data-testid="sell-proceeds">{money(sellerProceeds(cents, fees))}</strong> per ticket (−{' '}
                {fees.sellerFeeBps / 100} %) after the event.
              </span>
            ) : (
              `Your price for one ticket. Buyers pay it + ${fees.buyerFeeBps / 100} % service fee; you receive it − ${fees.sellerFeeBps / 100} %.`
            ))
          }
          slotProps={{
            input: { startAdornment: <InputAdornment position="start">$</InputAdornment> },
            htmlInput: { inputMode: 'decimal' },
          }}
        />
        <TextField
          name="faceValue"
          label="Face value per ticket (optional)"
          value={f.faceValue}
          onChange={set('faceValue')}
          error={!!err('faceValue')}
          helperText={err('faceValue') ?? 'The price printed on the ticket; buyers see it beside yours'}
          slotProps={{
            input: { startAdornment: <InputAdornment position="start">$</InputAdornment> },
            htmlInput: { inputMode: 'decimal' },
          }}
        />
        <TextField
          name="inHandDate"
          type="date"
          label="In hand by (optional)"
          value={f.inHandDate}
          onChange={set('inHandDate')}
          error={!!err('inHandDate')}
          helperText={err('inHandDate') ?? 'When you will have the tickets to send; leave empty if you have them now'}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          select
          name="splits"
          label="Sell them"
          value={f.splits}
          onChange={set('splits')}
          error={!!err('splits')}
          helperText={err('splits') ?? 'How many a buyer may take: the seats left must still be sellable'}
          slotProps={{ select: { native: true } }}
        >
          {optionsOf(SPLIT_LABELS).map((k) => (
            <option key={k} value={k}>
              {SPLIT_LABELS[k]}
            </option>
          ))}
        </TextField>
        <TextField
          select
          name="delivery"
          label="Delivery"
          value={f.delivery}
          onChange={set('delivery')}
          error={!!err('delivery')}
          helperText={err('delivery')}
          slotProps={{ select: { native: true } }}
        >
          {optionsOf(DELIVERY_LABELS).map((d) => (
            <option key={d} value={d}>
              {DELIVERY_LABELS[d]}
            </option>
          ))}
        </TextField>
        <FormControl error={!!err('disclosures')} component="fieldset">
          <FormLabel component="legend">Disclosures</FormLabel>
          <FormGroup row>
            {optionsOf(DISCLOSURE_LABELS).map((d) => (
              <FormControlLabel
                key={d}
                label={DISCLOSURE_LABELS[d]}
                control={
                  <Checkbox
                    name="disclosures"
                    value={d}
                    checked={disclosures.includes(d)}
                    onChange={(e) =>
                      setDisclosures((cur) => (e.target.checked ? [...cur, d] : cur.filter((x) => x !== d)))
                    }
                  />
                }
              />
            ))}
          </FormGroup>
          {err('disclosures') && <Typography color="error">{err('disclosures')}</Typography>}
        </FormControl>
        <TextField
          name="notes"
          label="Notes (optional)"
          multiline
          minRows={2}
          value={f.notes}
          onChange={set('notes')}
          error={!!err('notes')}
          helperText={err('notes') ?? 'Shown to buyers, e.g. "Aisle seats, side view"'}
          slotProps={{ htmlInput: { maxLength: 1000 } }}
        />
      </Paper>

      {state.error && (
        <Alert severity="error" role="alert" data-testid="sell-error">
          {state.error}
        </Alert>
      )}
      <Button type="submit" variant="contained" size="large" disabled={pending}>
        {pending ? 'Listing…' : count > 1 ? `List ${count} tickets` : 'List ticket'}
      </Button>
    </Box>
  );
}
