import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountForm } from '@/components/account/account-form';

export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false } };

/** From the emailed link: the token is used only when the form is sent (a mail scanner's GET spends nothing). */
export default async function Page({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
        Choose a new password
      </Typography>
      {token ? (
        <>
          <Typography>This signs you out on every device; sign in again with the new password.</Typography>
          <AccountForm kind="reset-password" token={token} />
        </>
      ) : (
        <Alert severity="error">
          This link is incomplete. Open the link from the email again, or ask for a new one.
        </Alert>
      )}
      <Typography>
        <Link href="/auth/signin" style={{ color: 'inherit' }}>
          Sign in
        </Link>{' '}
        ·{' '}
        <Link href="/auth/forgot-password" style={{ color: 'inherit' }}>
          Ask for a new link
        </Link>
      </Typography>
    </Stack>
  );
}
