import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountForm } from '@/components/account/account-form';

export const metadata: Metadata = { title: 'Forgot your password?' };

export default function Page() {
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
        Forgot your password?
      </Typography>
      <Typography>Enter your account's email and we will send you a link to choose a new password.</Typography>
      <AccountForm kind="forgot-password" />
      <Typography>
        <Link href="/auth/signin" style={{ color: 'inherit' }}>
          Back to sign in
        </Link>
      </Typography>
    </Stack>
  );
}
