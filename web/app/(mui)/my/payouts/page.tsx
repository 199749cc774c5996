import type { PayoutStatus } from '@bigtix/common';
import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { VerifyEmailBanner } from '@/components/account/verify-email-banner';
import { LinkButton } from '@/components/layout/links';
import { fetchPayoutAccount, fetchPayoutsSummary, fetchSales } from '@/lib/api/payouts';
import { dateTime, money } from '@/lib/format';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Sales & payouts', robots: { index: false } };

const STATUS: Record<PayoutStatus, { label: string; color: 'default' | 'info' | 'success' | 'warning' | 'error' }> = {
  pending_event: { label: 'Paid after the event', color: 'info' },
  awaiting_account: { label: 'Waiting for your payout account', color: 'warning' },
  scheduled: { label: 'Paying now', color: 'info' },
  paid: { label: 'Paid', color: 'success' },
  reversed: { label: 'Refunded, payout reversed', color: 'error' },
  refunded: { label: 'Refunded, not paid', color: 'default' },
};

export default async function SalesPage() {
  await requireUser('/my/payouts');
  const [account, summary, sales] = await Promise.all([fetchPayoutAccount(), fetchPayoutsSummary(), fetchSales()]);
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
        Sales & payouts
      </Typography>
      {account.emailVerified === false && <VerifyEmailBanner />}
      {account.status !== 'enabled' && (
        <Alert
          severity="warning"
          action={
            <LinkButton href="/my/payouts/setup" color="inherit" size="small">
              Get paid
            </LinkButton>
          }
        >
          Set up payouts to receive your proceeds; until then they wait.
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2 }} data-testid="payouts-summary">
        <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Typography>
            Paid <strong>{money(summary.paid)}</strong>
          </Typography>
          <Typography>
            Upcoming <strong>{money(summary.upcoming)}</strong>
          </Typography>
          <Typography color="text.secondary">
            {summary.sales} sale{summary.sales === 1 ? '' : 's'} · {money(summary.gross)} gross · {money(summary.fees)}{' '}
            fees
          </Typography>
        </Stack>
      </Paper>
      {sales.length === 0 && <Alert severity="info">No sales yet.</Alert>}
      <Stack component="ul" spacing={1.5} sx={{ p: 0, m: 0 }}>
        {sales.map((s) => (
          <Card key={s.orderId} component="li" variant="outlined" sx={{ listStyle: 'none' }} data-testid="sale">
            <CardContent>
              <Stack direction="row" justifyContent="space-between" alignItems="start" spacing={1}>
                <div>
                  <Typography sx={{ fontWeight: 700 }}>{s.tickets.map((t) => t.title).join(', ')}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    Sold {dateTime(s.soldAt)}
                    {s.status === 'pending_event' && s.payableAt ? ` · pays from ${dateTime(s.payableAt)}` : ''}
                  </Typography>
                </div>
                <Chip size="small" label={STATUS[s.status].label} color={STATUS[s.status].color} />
              </Stack>
              <Typography sx={{ mt: 1 }}>
                {money(s.gross, s.currency)} − {money(s.fee, s.currency)} fee ={' '}
                <strong data-testid="sale-proceeds">{money(s.proceeds, s.currency)}</strong>
              </Typography>
              {s.transferId && (
                <Typography variant="body2" color="text.secondary">
                  Transfer {s.transferId}
                </Typography>
              )}
            </CardContent>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
