'use client';
import dynamic from 'next/dynamic';
import { PageLoading } from '../layout/route-states';
import { TestCardCheckout } from './test-card-checkout';
import { useSecondsLeft } from '../orders/hold-countdown';

// Stripe.js is loaded only when a real key is configured, keeping it out of every other bundle.
const StripeCheckout = dynamic(() => import('./stripe-checkout'), {
  ssr: false,
  loading: () => <PageLoading label="Loading payment form" />,
});

interface Props {
  orderId: string;
  amount: number;
  currency: string;
  totalLabel: string;
  expiresAt: string;
  publishableKey: string | null;
}

export function Checkout({ publishableKey, expiresAt, ...rest }: Props) {
  const left = useSecondsLeft(expiresAt);
  const disabled = left === 0;
  return publishableKey ? (
    <StripeCheckout publishableKey={publishableKey} disabled={disabled} {...rest} />
  ) : (
    <TestCardCheckout orderId={rest.orderId} amount={rest.amount} totalLabel={rest.totalLabel} disabled={disabled} />
  );
}
