import AppBar from '@mui/material/AppBar';
import Toolbar from '@mui/material/Toolbar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { fetchCurrentUser } from '@/lib/api/auth';
import { ThemeToggle } from './theme-toggle';
import { SignOutButton } from '../auth/sign-out-button';
import { InstallPrompt } from '../pwa/install-prompt';
import { LinkButton, LinkTypography } from '@/components/layout/links';

const nav = [
  { href: '/', label: 'Events' },
  { href: '/my/tickets', label: 'My tickets' },
  { href: '/orders', label: 'Orders' },
  { href: '/sell', label: 'Sell' },
  { href: '/my/listings', label: 'My listings' },
];

export async function Header() {
  const user = await fetchCurrentUser();
  return (
    <AppBar position="sticky" color="primary" enableColorOnDark component="header">
      <Toolbar sx={{ gap: 1, flexWrap: 'wrap', py: 0.5 }}>
        <LinkTypography href="/" variant="h6" sx={{ color: 'inherit', textDecoration: 'none', fontWeight: 800, mr: 1 }}>
          BigTix
        </LinkTypography>
        <Box sx={{ flexGrow: 1 }} />
        <InstallPrompt />
        <ThemeToggle />
        {user ? (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Typography variant="body2" data-testid="signed-in-as" sx={{ maxWidth: { xs: 120, sm: 260 }, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={user.email}>
              <span className="visually-hidden">Signed in as </span>
              {user.email}
            </Typography>
            <SignOutButton />
          </Box>
        ) : (
          <LinkButton color="inherit" href="/auth/signin">
            Sign in
          </LinkButton>
        )}
      </Toolbar>
      <Box component="nav" aria-label="Main" sx={{ display: 'flex', overflowX: 'auto', px: 1, pb: 0.5, gap: 0.5 }}>
        {nav.map((n) => (
          <LinkButton key={n.href} href={n.href} color="inherit" size="small" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
            {n.label}
          </LinkButton>
        ))}
      </Box>
    </AppBar>
  );
}
