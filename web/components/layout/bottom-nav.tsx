'use client';
// The phone's primary navigation, a bottom bar as installed PWAs have (Material's bottom
// navigation pattern, in plain CSS like the header so no page pays for MUI to show it): five
// destinations always in reach of the thumb, where the top bar had to scroll "My listings" out
// of view at 390 px. Hidden from 600 px up, where the header shows the same links.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Icon } from '../icons/icons';
import { NAV_ITEMS, activeNavHref } from './nav-items';

export function BottomNav() {
  const active = activeNavHref(usePathname() ?? '/');
  return (
    <nav aria-label="Main" className="bt-bottom-nav" data-testid="bottom-nav">
      {NAV_ITEMS.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          prefetch={false}
          className="bt-bottom-nav-item"
          aria-current={active === item.href ? 'page' : undefined}
          aria-label={item.label}
        >
          <Icon name={item.icon} />
          <span className="bt-bottom-nav-label" aria-hidden="true">
            {item.short}
          </span>
        </Link>
      ))}
    </nav>
  );
}
