import Link from 'next/link';
import { fetchCurrentUser } from '@/lib/api/auth';
import { ThemeToggle } from './theme-toggle';
import { SignOutButton } from '../auth/sign-out-button';
import { DeviceSession } from '../pwa/device-session';
import { InstallPrompt } from '../pwa/install-prompt';
import { NAV_ITEMS } from './nav-items';

// Server markup with plain CSS (app/globals.css): the header is on every page, so it must not pull
// MUI and Emotion into pages that otherwise do not need them. Only the three buttons hydrate.
// Header links are not prefetched (they still navigate client side): prefetching the MUI pages would
// download and run MUI, and every prefetch is server rendering plus main-thread work, while the
// visitor's phone is still making the page interactive (Lighthouse TBT).
// On phones the same links are the bottom navigation bar (bottom-nav.tsx) and this row is hidden.

export async function Header() {
  const user = await fetchCurrentUser();
  return (
    <header className="bt-header">
      <div className="bt-toolbar">
        <Link href="/" prefetch={false} className="bt-brand">
          BigTix
        </Link>
        <div className="bt-grow" />
        <InstallPrompt />
        <ThemeToggle />
        {user ? (
          <div className="bt-user">
            {/* The email opens the account page (password, email verification). */}
            <Link
              href="/my/account"
              prefetch={false}
              className="bt-email"
              data-testid="signed-in-as"
              title={user.email}
            >
              <span className="visually-hidden">Signed in as </span>
              {user.email}
            </Link>
            <SignOutButton />
            <DeviceSession userId={user.id} />
          </div>
        ) : (
          <Link href="/auth/signin" prefetch={false} className="bt-btn">
            Sign in
          </Link>
        )}
      </div>
      <nav aria-label="Main" className="bt-nav">
        {NAV_ITEMS.map((n) => (
          <Link key={n.href} href={n.href} prefetch={false} className="bt-btn bt-btn-sm">
            {n.label}
          </Link>
        ))}
      </nav>
    </header>
  );
}
