import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { fetchMyOrders } from '@/lib/api/orders';
import { requireUser } from '@/lib/session';
import { dateTime } from '@/lib/format';
import { LinkCardAction } from '@/components/layout/links';

export const metadata: Metadata = { title: 'My orders', robots: { index: false } };

const colors = {
  paid: 'success',
  created: 'info',
  'awaiting:payment': 'info',
  cancelled: 'default',
  expired: 'default',
} as const;

export default async function OrdersPage() {
  await requireUser('/orders');
  const orders = await fetchMyOrders();
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
        My orders
      </Typography>
      {orders.length === 0 && <Alert severity="info">No orders yet. Find an event and hold some tickets.</Alert>}
      <Stack component="ul" spacing={1.5} sx={{ p: 0, m: 0 }}>
        {orders.map((o) => (
          <Card key={o.id} component="li" variant="outlined" sx={{ listStyle: 'none' }}>
            <LinkCardAction href={`/orders/${o.id}`}>
              <CardContent>
                <Stack direction="row" justifyContent="space-between" alignItems="center" spacing={1}>
                  <Typography sx={{ fontWeight: 700 }}>{o.tickets.map((t) => t.title).join(', ')}</Typography>
                  <Chip size="small" label={o.statusLabel} color={colors[o.status]} />
                </Stack>
                <Typography variant="body2" color="text.secondary">
                  {o.tickets.length} ticket{o.tickets.length > 1 ? 's' : ''} · {o.totalLabel} · {dateTime(o.createdAt)}
                </Typography>
              </CardContent>
            </LinkCardAction>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
