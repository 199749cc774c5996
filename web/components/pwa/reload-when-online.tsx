'use client';
import { useEffect } from 'react';

/**
 * On the offline fallback only: when the network returns, load the page that was asked for.
 * Serwist's own reload-on-reconnect is off (next.config.mjs) because it reloads every page, and a
 * page the person is typing into (a listing, a card form) would lose what they typed. The fallback
 * holds nothing to lose.
 */
export function ReloadWhenOnline() {
  useEffect(() => {
    const reload = () => window.location.reload();
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, []);
  return null;
}
