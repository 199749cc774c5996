import Alert from '@mui/material/Alert';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Checkout } from '@/components/checkout/checkout';
import { CancelOrderButton } from '@/components/orders/cancel-order-button';
import { HoldCountdown } from '@/components/orders/hold-countdown';
import { fetchOrder } from '@/lib/api/orders';
import { fetchOrderPayments } from '@/lib/api/payments';
import { requireUser } from '@/lib/session';
import { LinkButton } from '@/components/layout/links';

export const metadata: Metadata = { title: 'Order', robots: { index: false } };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/orders/${id}`);
  const order = await fetchOrder(id);
  if (!order) notFound();
  const payments = order.status === 'paid' ? [] : await fetchOrderPayments(order.id);
  const lastFailure = payments.filter((p) => p.status === 'failed').at(-1);

  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
        {order.status === 'paid' ? 'You have your tickets' : order.active ? 'Checkout' : 'Order'}
      </Typography>
      <Typography data-testid="order-status">
        Status: <strong>{order.statusLabel}</strong>
      </Typography>
      {order.eventNotice && (
        <Alert severity={order.eventNotice.severity} data-testid="event-notice">
          {order.eventNotice.text}
        </Alert>
      )}
      {order.status === 'paid' && order.eventNotice?.kind !== 'cancelled' && (
        <Alert severity="success" data-testid="order-paid">
          Payment received. Your tickets and their serial numbers are in My tickets.
        </Alert>
      )}
      {order.status === 'expired' && (
        <Alert severity="error">
          The hold expired before payment completed, so the tickets were released. You were not charged.
        </Alert>
      )}
      {order.status === 'cancelled' && (
        <Alert severity="info">This order was cancelled and the tickets released.</Alert>
      )}
      {order.active && <HoldCountdown expiresAt={order.expiresAt} />}

      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={1} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {order.tickets.map((t) => (
            <Stack key={t.ticketId} component="li" direction="row" justifyContent="space-between">
              <Link href={`/tickets/${t.ticketId}`} style={{ color: 'inherit' }}>
                {t.title}
              </Link>
              <span>{t.priceLabel}</span>
            </Stack>
          ))}
        </Stack>
        <Divider sx={{ my: 1 }} />
        <Stack direction="row" justifyContent="space-between" data-testid="order-subtotal">
          <Typography color="text.secondary">Tickets</Typography>
          <Typography color="text.secondary">{order.subtotalLabel}</Typography>
        </Stack>
        <Stack direction="row" justifyContent="space-between" data-testid="order-buyer-fee">
          <Typography color="text.secondary">Service fee (included)</Typography>
          <Typography color="text.secondary">{order.buyerFeeLabel}</Typography>
        </Stack>
        <Stack direction="row" justifyContent="space-between">
          <Typography sx={{ fontWeight: 700 }}>Total (all-in)</Typography>
          <Typography sx={{ fontWeight: 700 }} data-testid="order-total">
            {order.totalLabel}
          </Typography>
        </Stack>
      </Paper>

      {order.active && (
        <>
          {lastFailure?.failureMessage && (
            <Alert severity="warning">Last attempt failed: {lastFailure.failureMessage}</Alert>
          )}
          <Checkout
            orderId={order.id}
            amount={order.total}
            currency={order.currency}
            totalLabel={order.totalLabel}
            expiresAt={order.expiresAt}
            publishableKey={process.env.STRIPE_PUBLISHABLE_KEY || null}
          />
          <CancelOrderButton orderId={order.id} />
        </>
      )}
      {order.status === 'paid' && (
        <LinkButton href="/my/tickets" variant="contained" sx={{ alignSelf: 'start' }}>
          Go to My tickets
        </LinkButton>
      )}
      <LinkButton href="/orders" sx={{ alignSelf: 'start' }}>
        All my orders
      </LinkButton>
    </Stack>
  );
}
