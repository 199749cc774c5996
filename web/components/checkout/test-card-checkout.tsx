'use client';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { usePaymentFlow } from './use-payment-flow';
import { FlowMessages } from './flow-messages';

const cards = [
  { value: 'succeeds', label: 'Visa 4242 — payment succeeds' },
  { value: 'declined', label: 'Visa 0002 — card is declined' },
  { value: 'authentication', label: 'Visa 3184 — needs 3-D Secure authentication' },
];

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data?.errors?.[0]?.message ?? `request failed (${res.status})`);
  return data as T;
}

/** Dev checkout against the fake Stripe: no real card data exists anywhere in this flow. */
export function TestCardCheckout({
  orderId,
  amount,
  totalLabel,
  disabled,
}: {
  orderId: string;
  amount: number;
  totalLabel: string;
  disabled: boolean;
}) {
  const [card, setCard] = useState('succeeds');
  const { state, setState, pay, waitUntilPaid } = usePaymentFlow(orderId, amount);
  const busy = state.step === 'paying' || state.step === 'confirming' || state.step === 'done';

  return (
    <Stack spacing={2} data-testid="test-checkout">
      <Alert severity="info">Test mode: no real payment is made. Choose how the test card behaves.</Alert>
      <FormControl disabled={busy || disabled}>
        <FormLabel id="test-card-label">Test card</FormLabel>
        <RadioGroup
          aria-labelledby="test-card-label"
          name="test-card"
          value={card}
          onChange={(e) => setCard(e.target.value)}
        >
          {cards.map((c) => (
            <FormControlLabel key={c.value} value={c.value} control={<Radio />} label={c.label} />
          ))}
        </RadioGroup>
      </FormControl>
      <FlowMessages state={state} />
      {state.step === 'action' ? (
        <Button
          variant="contained"
          color="secondary"
          size="large"
          onClick={async () => {
            try {
              await postJson('/dev/authenticate', { clientSecret: state.clientSecret });
              await waitUntilPaid();
            } catch (err) {
              setState({ step: 'error', retry: true, message: (err as Error).message });
            }
          }}
        >
          Complete authentication (test)
        </Button>
      ) : (
        <Button
          variant="contained"
          size="large"
          disabled={busy || disabled}
          onClick={() => pay(async () => (await postJson<{ id: string }>('/dev/confirmation-token', { card })).id)}
        >
          {state.step === 'paying' ? 'Paying…' : `Pay ${totalLabel}`}
        </Button>
      )}
    </Stack>
  );
}
