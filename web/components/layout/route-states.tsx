import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import Button from '@mui/material/Button';
import { LinkButton } from '@/components/layout/links';

export function PageLoading({ label = 'Loading' }: { label?: string }) {
  return (
    <Stack spacing={1.5} aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{label}…</span>
      <Skeleton variant="text" width="60%" height={44} />
      <Skeleton variant="rounded" height={96} />
      <Skeleton variant="rounded" height={96} />
      <Skeleton variant="rounded" height={96} />
    </Stack>
  );
}

export function NotFoundMessage({ what, back = '/', backLabel = 'Browse events' }: { what: string; back?: string; backLabel?: string }) {
  return (
    <Stack spacing={2} sx={{ py: 4 }}>
      <Typography variant="h4" component="h1">
        {what} not found
      </Typography>
      <Typography>It may have been removed, or the link is wrong.</Typography>
      <LinkButton href={back} variant="contained" sx={{ alignSelf: 'start' }}>
        {backLabel}
      </LinkButton>
    </Stack>
  );
}
