'use client';
import Button from '@mui/material/Button';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { cancelMyOrder } from './actions';

export function CancelOrderButton({ orderId }: { orderId: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        color="inherit"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await cancelMyOrder(orderId);
            if (r.error) setError(r.error);
            router.refresh();
          })
        }
      >
        Cancel and release tickets
      </Button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
