import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthForm } from '@/components/auth/auth-form';
import { safeNext } from '@/lib/session';

export const metadata: Metadata = { title: 'Create your account' };

export default async function Page({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNext((await searchParams).next);
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
        Create your account
      </Typography>
      <AuthForm kind="signup" next={next} />
      <Typography>
        <Link href={`/auth/signin?next=${encodeURIComponent(next)}`} style={{ color: 'inherit' }}>
          Already have an account? Sign in
        </Link>
      </Typography>
    </Stack>
  );
}
