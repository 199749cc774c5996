// What this device keeps for one signed-in person, and how it forgets it. Purchased tickets live
// in localStorage (a few kilobytes of JSON, read synchronously on first render) so "My tickets"
// opens without a network. A phone or a library computer is shared: the copy is keyed by the
// user who saved it and shown only to the user this device last saw signed in, and signing out
// (or anyone opening the sign-in form) forgets everything private: saved tickets, that user, and
// every runtime cache of the service worker (cached public pages carry the header with the email).

export interface StoredTicket {
  id: string;
  title: string;
  priceLabel: string;
  serialNumber: string | null;
  /** Where the seat is ("Section 101 · Row A · Seat 3"); absent for tickets without a listing and in copies saved before. */
  seatLabel?: string | null;
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

const PREFIX = 'bigtix:';
const TICKETS = `${PREFIX}my-tickets:`;
/** The user this device last saw signed in (from a page the server rendered for them). */
const DEVICE_USER = `${PREFIX}device-user`;
/** Serwist's precache holds only the app shell and the static /offline page: nothing per user. */
const isSharedShell = (cacheName: string) => cacheName.includes('precache');

/** Saves the tickets the server just listed for `value.userId`, who is therefore signed in here. */
export function saveMyTickets(value: StoredTickets): void {
  if (switchUser(value.userId)) void forgetRuntimeCaches();
  try {
    localStorage.setItem(TICKETS + value.userId, JSON.stringify(value));
  } catch {
    // Private mode or a full quota: offline access is a convenience, never a failure.
  }
}

/** The copy saved by `userId`, or by the user this device last saw signed in when none is given. */
export function loadMyTickets(userId: string | null = deviceUser()): StoredTickets | null {
  if (!userId || userId !== deviceUser()) return null;
  try {
    const raw = localStorage.getItem(TICKETS + userId);
    const stored = raw ? (JSON.parse(raw) as StoredTickets) : null;
    return stored?.userId === userId ? stored : null;
  } catch {
    return null;
  }
}

export function deviceUser(): string | null {
  try {
    return localStorage.getItem(DEVICE_USER);
  } catch {
    return null;
  }
}

/**
 * A page rendered for `userId`: the first one after someone else (or no one) was signed in on
 * this device forgets what the device kept before, then remembers `userId`.
 */
export async function noteSignedInUser(userId: string): Promise<void> {
  if (switchUser(userId)) await forgetRuntimeCaches();
}

/** Everything private this app keeps on the device: our localStorage keys and the runtime caches. */
export async function forgetDeviceData(): Promise<void> {
  forgetStoredKeys();
  await forgetRuntimeCaches();
}

/**
 * Synchronous, so that whichever runs first on a page (the header noting the user, My tickets
 * saving its list) the device ends up holding only this user's data. True when the user changed.
 */
function switchUser(userId: string): boolean {
  if (deviceUser() === userId) return false;
  forgetStoredKeys();
  try {
    localStorage.setItem(DEVICE_USER, userId);
  } catch {
    // without storage nothing is kept, so nothing needs telling apart
  }
  return true;
}

function forgetStoredKeys(): void {
  try {
    for (const key of storedKeys()) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // nothing stored
  }
}

async function forgetRuntimeCaches(): Promise<void> {
  try {
    if (typeof caches !== 'undefined')
      await Promise.all((await caches.keys()).filter((n) => !isSharedShell(n)).map((n) => caches.delete(n)));
  } catch {
    // no Cache Storage (an insecure origin or an old browser): nothing was cached
  }
}

function storedKeys(): string[] {
  return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter(
    (k): k is string => k !== null,
  );
}
