import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { AccountForm } from '@/components/account/account-form';

export const metadata: Metadata = { title: 'Confirm your email', robots: { index: false } };

export default async function Page({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
        Confirm your email
      </Typography>
      <Typography>Once your address is confirmed, the proceeds of the tickets you sell are paid out to you.</Typography>
      {token ? (
        <AccountForm kind="verify-email" token={token} />
      ) : (
        <Alert severity="error">This link is incomplete. Open the link from the email again.</Alert>
      )}
    </Stack>
  );
}
