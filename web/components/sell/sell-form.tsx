'use client';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Add from '@mui/icons-material/Add';
import Delete from '@mui/icons-material/Delete';
import { useActionState, useState } from 'react';
import { listTickets, type SellState } from './actions';

let nextKey = 1;

/** `feeNote` explains both fees, e.g. "Buyers pay it + 10 % service fee; you receive it − 10 %". */
export function SellForm({ eventId, feeNote }: { eventId: string; feeNote: string }) {
  const [rows, setRows] = useState<number[]>([0]);
  const [state, action, pending] = useActionState<SellState, FormData>(listTickets.bind(null, eventId), {
    error: null,
    rowErrors: {},
  });
  return (
    <Box component="form" action={action} sx={{ display: 'grid', gap: 2 }}>
      {rows.map((key, i) => (
        <Paper
          key={key}
          variant="outlined"
          sx={{ p: 2 }}
          component="fieldset"
          aria-describedby={state.rowErrors[i] ? `row-${key}-error` : undefined}
        >
          <Stack direction="row" alignItems="center" justifyContent="space-between">
            <Typography component="legend" sx={{ fontWeight: 700 }}>
              Ticket {i + 1}
            </Typography>
            {rows.length > 1 && (
              <IconButton
                aria-label={`Remove ticket ${i + 1}`}
                onClick={() => setRows((r) => r.filter((k) => k !== key))}
              >
                <Delete />
              </IconButton>
            )}
          </Stack>
          <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr' }, mt: 1 }}>
            <TextField
              name="title"
              label="Title (e.g. Section 112, Row F, Seat 7)"
              required
              slotProps={{ htmlInput: { maxLength: 200 } }}
            />
            <TextField
              name="price"
              label="Price"
              required
              inputMode="decimal"
              slotProps={{
                input: { startAdornment: <InputAdornment position="start">$</InputAdornment> },
                htmlInput: { inputMode: 'decimal', pattern: '\\$?[0-9,]+(\\.[0-9]{1,2})?' },
              }}
              helperText={feeNote}
            />
            <TextField
              name="serialNumber"
              label="Serial number"
              required
              helperText="Only the buyer will see it"
              slotProps={{ htmlInput: { maxLength: 100 } }}
            />
            <TextField
              name="description"
              label="Description (optional)"
              slotProps={{ htmlInput: { maxLength: 2000 } }}
            />
          </Box>
          {state.rowErrors[i] && (
            <Alert id={`row-${key}-error`} severity="error" sx={{ mt: 1 }}>
              {state.rowErrors[i]}
            </Alert>
          )}
        </Paper>
      ))}
      <Button
        startIcon={<Add />}
        onClick={() => setRows((r) => [...r, nextKey++])}
        sx={{ justifySelf: 'start' }}
        disabled={rows.length >= 50}
      >
        Add another ticket
      </Button>
      {state.error && (
        <Alert severity="error" role="alert">
          {state.error}
        </Alert>
      )}
      <Button type="submit" variant="contained" size="large" disabled={pending}>
        {pending ? 'Listing…' : rows.length > 1 ? `List ${rows.length} tickets` : 'List ticket'}
      </Button>
    </Box>
  );
}
