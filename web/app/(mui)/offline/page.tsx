import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { MyTicketsList } from '@/components/tickets/my-tickets-list';
import { LinkButton } from '@/components/layout/links';
import { ReloadWhenOnline } from '@/components/pwa/reload-when-online';

export const metadata: Metadata = { title: 'Offline', robots: { index: false } };
// Precached by the service worker at install: it must not depend on who is signed in.
export const dynamic = 'force-static';

export default function OfflinePage() {
  return (
    <Stack spacing={2} data-testid="offline-page">
      <ReloadWhenOnline />
      <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
        You are offline
      </Typography>
      <Typography>
        This page is not saved on your device. Reconnect to continue; your saved tickets are below.
      </Typography>
      <LinkButton href="/my/tickets" variant="contained" sx={{ alignSelf: 'start' }}>
        Open My tickets
      </LinkButton>
      <Typography variant="h5" component="h2">
        Tickets saved on this device
      </Typography>
      <MyTicketsList fresh={null} userId={null} />
    </Stack>
  );
}
