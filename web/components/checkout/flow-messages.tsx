'use client';
import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { FlowState } from './use-payment-flow';

export function FlowMessages({ state }: { state: FlowState }) {
  if (state.step === 'error') {
    return (
      <Alert severity="error" role="alert" data-testid="payment-error">
        {state.message}
      </Alert>
    );
  }
  if (state.step === 'action') {
    return <Alert severity="warning">Your bank asks you to confirm this payment.</Alert>;
  }
  if (state.step === 'confirming' || state.step === 'done') {
    return (
      <Stack direction="row" spacing={1} alignItems="center" role="status">
        <CircularProgress size={20} aria-hidden />
        <Typography>
          {state.step === 'done' ? 'Paid! Loading your confirmation…' : 'Confirming your payment…'}
        </Typography>
      </Stack>
    );
  }
  return null;
}
