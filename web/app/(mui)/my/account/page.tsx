import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { AccountForm } from '@/components/account/account-form';
import { VerifyEmailBanner } from '@/components/account/verify-email-banner';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

export default async function AccountPage() {
  const user = await requireUser('/my/account');
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
        Your account
      </Typography>
      <Typography data-testid="account-email">{user.email}</Typography>
      {user.emailVerified === false ? (
        <VerifyEmailBanner />
      ) : (
        <Alert severity="success">Your email is confirmed.</Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={2}>
          <Typography variant="h6" component="h2">
            Change password
          </Typography>
          <Typography color="text.secondary">You stay signed in here; every other device is signed out.</Typography>
          <AccountForm kind="change-password" />
        </Stack>
      </Paper>
    </Stack>
  );
}
