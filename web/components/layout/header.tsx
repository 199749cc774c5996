import Link from 'next/link';
import { fetchCurrentUser } from '@/lib/api/auth';
import { ThemeToggle } from './theme-toggle';
import { SignOutButton } from '../auth/sign-out-button';
import { InstallPrompt } from '../pwa/install-prompt';

// Server markup with plain CSS (app/globals.css): the header is on every page, so it must not pull
// MUI and Emotion into pages that otherwise do not need them. Only the three buttons hydrate.
// Links to the MUI pages are not prefetched when they scroll into view: prefetching would download
// and evaluate MUI while the visitor is still reading the home or event page (they still prefetch
// on hover, and navigate client side).
const nav = [
  { href: '/', label: 'Events', prefetch: undefined },
  { href: '/my/tickets', label: 'My tickets', prefetch: false },
  { href: '/orders', label: 'Orders', prefetch: false },
  { href: '/sell', label: 'Sell', prefetch: false },
  { href: '/my/listings', label: 'My listings', prefetch: false },
];

export async function Header() {
  const user = await fetchCurrentUser();
  return (
    <header className="bt-header">
      <div className="bt-toolbar">
        <Link href="/" className="bt-brand">
          BigTix
        </Link>
        <div className="bt-grow" />
        <InstallPrompt />
        <ThemeToggle />
        {user ? (
          <div className="bt-user">
            <span className="bt-email" data-testid="signed-in-as" title={user.email}>
              <span className="visually-hidden">Signed in as </span>
              {user.email}
            </span>
            <SignOutButton />
          </div>
        ) : (
          <Link href="/auth/signin" prefetch={false} className="bt-btn">
            Sign in
          </Link>
        )}
      </div>
      <nav aria-label="Main" className="bt-nav">
        {nav.map((n) => (
          <Link key={n.href} href={n.href} prefetch={n.prefetch} className="bt-btn bt-btn-sm">
            {n.label}
          </Link>
        ))}
      </nav>
    </header>
  );
}
