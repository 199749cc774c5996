'use client';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';

export function RouteError({ error, reset, what }: { error: Error & { digest?: string }; reset: () => void; what: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const offline = typeof navigator !== 'undefined' && !navigator.onLine;
  return (
    <Stack spacing={2} sx={{ py: 4 }} role="alert">
      <Typography variant="h4" component="h1">
        We could not load {what}
      </Typography>
      <Alert severity="error">
        {offline ? 'You are offline. Reconnect and try again.' : 'Something went wrong on our side. Please try again.'}
        {error.digest && <> (reference {error.digest})</>}
      </Alert>
      <Button variant="contained" onClick={reset} sx={{ alignSelf: 'start' }}>
        Try again
      </Button>
    </Stack>
  );
}
