import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { LinkButton } from '@/components/layout/links';
import { goToOnboarding } from '@/components/payouts/actions';
import { fetchPayoutAccount } from '@/lib/api/payouts';
import { FEES } from '@/lib/fees';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Get paid', robots: { index: false } };

const TEXT = {
  none: 'You have not set up payouts yet. You can list and sell tickets now; your proceeds wait until you do.',
  pending: 'Stripe still needs some details before it can pay you. Continue where you left off.',
  enabled: 'Payouts are on. Each sale is paid to your account after its event.',
} as const;

export default async function GetPaidPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  await requireUser('/my/payouts/setup');
  const { done } = await searchParams;
  const account = await fetchPayoutAccount();
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
        Get paid
      </Typography>
      {done && account.status !== 'enabled' && (
        <Alert severity="info">Back from Stripe. Your account is being confirmed; refresh in a moment.</Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={1.5}>
          <Typography data-testid="payout-account-status">
            Status:{' '}
            <strong>
              {account.status === 'enabled' ? 'Ready' : account.status === 'pending' ? 'Not finished' : 'Not set up'}
            </strong>
          </Typography>
          <Typography color="text.secondary">{TEXT[account.status]}</Typography>
          {account.requirements.length > 0 && (
            <Typography variant="body2" color="text.secondary">
              Stripe still needs: {account.requirements.join(', ')}
            </Typography>
          )}
          <Typography variant="body2" color="text.secondary">
            BigTix keeps a {FEES.sellerFeeBps / 100} % seller fee from each ticket’s price and pays the rest through
            Stripe after the event.
          </Typography>
          {account.status !== 'enabled' && (
            <form action={goToOnboarding}>
              <Button type="submit" variant="contained">
                {account.status === 'none' ? 'Set up payouts with Stripe' : 'Continue with Stripe'}
              </Button>
            </form>
          )}
        </Stack>
      </Paper>
      <LinkButton href="/my/payouts" sx={{ alignSelf: 'start' }}>
        Sales & payouts
      </LinkButton>
    </Stack>
  );
}
