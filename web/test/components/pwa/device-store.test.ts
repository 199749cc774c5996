/**
 * What a shared device keeps: saved tickets only for the user who saved them, and nothing private
 * after a sign-out or a change of user. Node has neither Web Storage nor Cache Storage, so the
 * two browser APIs are given minimal in-memory stand-ins here; the browser test
 * (e2e/test/browser/shared-device.test.ts) checks the same in Chromium.
 */
import {
  deviceUser,
  forgetDeviceData,
  loadMyTickets,
  noteSignedInUser,
  saveMyTickets,
  type StoredTickets,
} from '@/components/pwa/device-store';

class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, String(v));
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  keys() {
    return [...this.items.keys()];
  }
}
class MemoryCaches {
  names = new Set<string>();
  async keys() {
    return [...this.names];
  }
  async delete(n: string) {
    return this.names.delete(n);
  }
}

let storage: MemoryStorage;
let cacheStorage: MemoryCaches;
beforeEach(() => {
  storage = new MemoryStorage();
  cacheStorage = new MemoryCaches();
  Object.assign(globalThis, { localStorage: storage, caches: cacheStorage });
});

const ticketsOf = (userId: string, serial: string): StoredTickets => ({
  userId,
  savedAt: '2026-01-01T00:00:00.000Z',
  tickets: [
    {
      id: `t-${serial}`,
      title: 'Floor',
      priceLabel: '$10.00',
      serialNumber: serial,
      eventId: 'e',
      eventName: null,
      eventDate: null,
    },
  ],
});
const PRECACHE = 'serwist-precache-v2-http://localhost/';

it('shows saved tickets to the user who saved them and to no one else', () => {
  saveMyTickets(ticketsOf('alice', 'A-1'));
  expect(deviceUser()).toBe('alice');
  expect(loadMyTickets('alice')?.tickets[0].serialNumber).toBe('A-1');
  expect(loadMyTickets()?.userId).toBe('alice'); // the /offline page: the device's last user
  expect(loadMyTickets('bob')).toBeNull();
});

it('forgets the previous user’s tickets and caches as soon as another user is seen', async () => {
  saveMyTickets(ticketsOf('alice', 'A-1'));
  cacheStorage.names = new Set([PRECACHE, 'pages-public', 'public-api', 'pages-private']);
  await noteSignedInUser('bob');
  expect(deviceUser()).toBe('bob');
  expect(loadMyTickets('alice')).toBeNull();
  expect(loadMyTickets()).toBeNull();
  expect(JSON.stringify(storage.keys().map((k) => storage.getItem(k)))).not.toContain('A-1');
  expect(await cacheStorage.keys()).toEqual([PRECACHE]);
});

it('saving a list for a new user drops the old copy even before the header has noted the user', () => {
  saveMyTickets(ticketsOf('alice', 'A-1'));
  saveMyTickets(ticketsOf('bob', 'B-1'));
  expect(storage.keys().sort()).toEqual(['bigtix:device-user', 'bigtix:my-tickets:bob']);
  expect(loadMyTickets()?.tickets[0].serialNumber).toBe('B-1');
});

it('signing out forgets every bigtix key and runtime cache, and keeps the theme and the app shell', async () => {
  saveMyTickets(ticketsOf('alice', 'A-1'));
  storage.setItem('bigtix:my-tickets', JSON.stringify(ticketsOf('carol', 'C-1'))); // the unkeyed copy of earlier versions
  storage.setItem('mui-mode', 'dark');
  cacheStorage.names = new Set([PRECACHE, 'pages-public', 'public-api', 'next-static-js-assets']);
  await forgetDeviceData();
  expect(storage.keys()).toEqual(['mui-mode']);
  expect(await cacheStorage.keys()).toEqual([PRECACHE]);
  expect(deviceUser()).toBeNull();
  expect(loadMyTickets()).toBeNull();
});

it('never shows a copy whose content names another user than its key', () => {
  saveMyTickets(ticketsOf('alice', 'A-1'));
  storage.setItem('bigtix:my-tickets:alice', JSON.stringify(ticketsOf('mallory', 'M-1')));
  expect(loadMyTickets('alice')).toBeNull();
});
