'use client';
import { useRouter } from 'next/navigation';
import { useCallback, useRef, useState } from 'react';
import type { PaymentDto } from '@bigtix/common';
import { payOrder } from './actions';
import { orderStatus } from '../orders/actions';

export type FlowState =
  | { step: 'idle' }
  | { step: 'paying' }
  | { step: 'action'; clientSecret: string }
  | { step: 'confirming' }
  | { step: 'done' }
  | { step: 'error'; message: string; retry: boolean };

const POLL_MS = 1000;
const POLL_DEADLINE_MS = 90_000;

/** Shared by the Stripe and the test-card checkouts: pay with a ConfirmationToken, then wait for `paid`. */
export function usePaymentFlow(orderId: string, amount: number) {
  const router = useRouter();
  const [state, setState] = useState<FlowState>({ step: 'idle' });
  const polling = useRef(false);

  const waitUntilPaid = useCallback(async () => {
    if (polling.current) return;
    polling.current = true;
    setState({ step: 'confirming' });
    const deadline = Date.now() + POLL_DEADLINE_MS;
    try {
      while (Date.now() < deadline) {
        const o = await orderStatus(orderId).catch(() => null);
        if (o?.status === 'paid') {
          setState({ step: 'done' });
          router.refresh();
          return;
        }
        if (o && (o.status === 'expired' || o.status === 'cancelled')) {
          setState({
            step: 'error',
            retry: false,
            message: `This order is ${o.statusLabel.toLowerCase()}: the hold ended before the payment completed. Any charge is refunded automatically.`,
          });
          router.refresh();
          return;
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      setState({
        step: 'error',
        retry: false,
        message: 'Your payment is still being confirmed. Check "My orders" in a minute.',
      });
    } finally {
      polling.current = false;
    }
  }, [orderId, router]);

  const handlePayment = useCallback(
    async (p: PaymentDto) => {
      if (p.status === 'requires_action' && p.clientSecret)
        return setState({ step: 'action', clientSecret: p.clientSecret });
      if (p.status === 'failed' || p.status === 'canceled') {
        return setState({
          step: 'error',
          retry: true,
          message: p.failureMessage ?? 'The payment did not go through. Try another card.',
        });
      }
      return waitUntilPaid();
    },
    [waitUntilPaid],
  );

  const pay = useCallback(
    async (getToken: () => Promise<string>) => {
      setState({ step: 'paying' });
      let token: string;
      try {
        token = await getToken();
      } catch (err) {
        return setState({ step: 'error', retry: true, message: (err as Error).message });
      }
      const res = await payOrder(orderId, amount, token);
      if (!res.ok) {
        const retry = res.status === 402 || res.status >= 500;
        const message =
          res.status === 402
            ? `Payment declined: ${res.message}. Try another card while your tickets are held.`
            : res.message;
        if (res.status === 409) router.refresh();
        return setState({ step: 'error', retry, message });
      }
      return handlePayment(res.payment);
    },
    [orderId, amount, handlePayment, router],
  );

  return { state, setState, pay, waitUntilPaid };
}
