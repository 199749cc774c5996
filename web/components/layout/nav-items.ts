import type { IconName } from '../icons/icons';

/** The primary destinations: the top bar's links on wide screens, the bottom bar's on phones. */
export const NAV_ITEMS: { href: string; label: string; short: string; icon: IconName }[] = [
  { href: '/', label: 'Events', short: 'Events', icon: 'event' },
  { href: '/my/tickets', label: 'My tickets', short: 'Tickets', icon: 'ticket' },
  { href: '/orders', label: 'Orders', short: 'Orders', icon: 'receipt' },
  { href: '/sell', label: 'Sell', short: 'Sell', icon: 'sell' },
  { href: '/my/listings', label: 'My listings', short: 'Listings', icon: 'listings' },
];

/** The item a path belongs to: `/orders/123` is under Orders, `/events/x` under Events. */
export function activeNavHref(pathname: string): string | null {
  if (pathname.startsWith('/events/') || pathname.startsWith('/tickets/')) return '/';
  const match = NAV_ITEMS.filter((i) => i.href !== '/' && (pathname === i.href || pathname.startsWith(`${i.href}/`)));
  if (match.length > 0) return match.sort((a, b) => b.href.length - a.href.length)[0].href;
  return pathname === '/' ? '/' : null;
}
