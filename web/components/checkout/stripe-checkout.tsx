'use client';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe } from '@stripe/stripe-js';
import { useEffect, useMemo } from 'react';
import { usePaymentFlow } from './use-payment-flow';
import { FlowMessages } from './flow-messages';

interface Props {
  publishableKey: string;
  orderId: string;
  amount: number;
  currency: string;
  totalLabel: string;
  disabled: boolean;
}

/** Real Stripe: the Payment Element makes a ConfirmationToken; our server creates and confirms the PaymentIntent. */
export default function StripeCheckout(props: Props) {
  const stripePromise = useMemo(() => loadStripe(props.publishableKey), [props.publishableKey]);
  return (
    <Elements
      stripe={stripePromise}
      options={{ mode: 'payment', amount: props.amount, currency: props.currency, paymentMethodCreation: 'manual' }}
    >
      <StripeForm {...props} />
    </Elements>
  );
}

function StripeForm({ orderId, amount, totalLabel, disabled }: Props) {
  const stripe = useStripe();
  const elements = useElements();
  const { state, setState, pay, waitUntilPaid } = usePaymentFlow(orderId, amount);

  // 3-D Secure and other next actions are finished in the browser, then the webhook completes the order.
  useEffect(() => {
    if (state.step !== 'action' || !stripe) return;
    void (async () => {
      const { error } = await (stripe as Stripe).handleNextAction({ clientSecret: state.clientSecret });
      if (error) setState({ step: 'error', retry: true, message: error.message ?? 'Authentication failed.' });
      else await waitUntilPaid();
    })();
  }, [state, stripe, setState, waitUntilPaid]);

  const busy = state.step === 'paying' || state.step === 'confirming' || state.step === 'done';
  return (
    <Stack spacing={2}>
      <PaymentElement />
      <FlowMessages state={state} />
      <Button
        variant="contained"
        size="large"
        disabled={!stripe || !elements || busy || disabled}
        onClick={() =>
          pay(async () => {
            const submitted = await elements!.submit();
            if (submitted.error) throw new Error(submitted.error.message ?? 'Check your card details.');
            const { error, confirmationToken } = await stripe!.createConfirmationToken({ elements: elements! });
            if (error) throw new Error(error.message ?? 'Your card could not be used.');
            return confirmationToken.id;
          })
        }
      >
        {state.step === 'paying' ? 'Paying…' : `Pay ${totalLabel}`}
      </Button>
    </Stack>
  );
}
