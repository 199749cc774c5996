import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthForm } from '@/components/auth/auth-form';
import { safeNext } from '@/lib/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function Page({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNext((await searchParams).next);
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
        Sign in
      </Typography>
      <AuthForm kind="signin" next={next} />
      <Typography>
        <Link href="/auth/forgot-password" style={{ color: 'inherit' }}>
          Forgot your password?
        </Link>
      </Typography>
      <Typography>
        <Link href={`/auth/signup?next=${encodeURIComponent(next)}`} style={{ color: 'inherit' }}>
          New to BigTix? Create an account
        </Link>
      </Typography>
    </Stack>
  );
}
