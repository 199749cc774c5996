'use client';
import { useSyncExternalStore } from 'react';
import { Icon } from '../icons/icons';

// Plain DOM rather than MUI's useColorScheme: the header sits outside the MUI ThemeProvider (which
// only the MUI pages load). Same storage key and <html> class as MUI's InitColorSchemeScript, so
// both agree; the synthetic storage event tells a mounted MUI ThemeProvider about the change.
const KEY = 'mui-mode';
type Mode = 'system' | 'light' | 'dark';
const next = { system: 'light', light: 'dark', dark: 'system' } as const;
const labels = { system: 'Theme: follows system', light: 'Theme: light', dark: 'Theme: dark' } as const;
const icons = { system: 'systemMode', light: 'lightMode', dark: 'darkMode' } as const;

const listeners = new Set<() => void>();
function subscribe(cb: () => void) {
  listeners.add(cb);
  window.addEventListener('storage', cb);
  return () => {
    listeners.delete(cb);
    window.removeEventListener('storage', cb);
  };
}
function readMode(): Mode {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

function applyMode(mode: Mode) {
  try {
    localStorage.setItem(KEY, mode);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  const resolved = mode === 'system' ? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : mode;
  document.documentElement.classList.remove('light', 'dark');
  document.documentElement.classList.add(resolved);
  window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: mode }));
  listeners.forEach((l) => l());
}

/** Cycles system → light → dark; "system" follows the device setting. */
export function ThemeToggle() {
  const current = useSyncExternalStore(subscribe, readMode, () => 'system' as Mode);
  return (
    <button
      type="button"
      className="bt-icon-btn"
      title={`${labels[current]} (change)`}
      aria-label={`${labels[current]}. Change theme`}
      onClick={() => applyMode(next[current])}
    >
      <Icon name={icons[current]} />
    </button>
  );
}
