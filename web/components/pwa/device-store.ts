// Purchased tickets kept on the device (localStorage) so "My tickets" opens without a network.
// localStorage rather than IndexedDB: a few kilobytes of JSON, read synchronously on first render.

export interface StoredTicket {
  id: string;
  title: string;
  priceLabel: string;
  serialNumber: string | null;
  eventId: string;
  eventName: string | null;
  eventDate: string | null;
  /** What happened to the event (cancelled and refunded, postponed, moved), saved so it shows offline too. */
  eventNotice?: { severity: 'error' | 'warning' | 'info'; text: string } | null;
}

export interface StoredTickets {
  userId: string;
  savedAt: string;
  tickets: StoredTicket[];
}

const KEY = 'bigtix:my-tickets';
/** Runtime caches that may hold pages with this user's data (see app/sw.ts). */
const PRIVATE_CACHES = ['pages-private'];

export function saveMyTickets(value: StoredTickets): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(value));
  } catch {
    // Private mode or a full quota: offline access is a convenience, never a failure.
  }
}

export function loadMyTickets(): StoredTickets | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StoredTickets) : null;
  } catch {
    return null;
  }
}

export async function forgetDeviceData(): Promise<void> {
  try {
    localStorage.removeItem(KEY);
    if ('caches' in window) await Promise.all(PRIVATE_CACHES.map((c) => caches.delete(c)));
  } catch {
    // nothing stored
  }
}
