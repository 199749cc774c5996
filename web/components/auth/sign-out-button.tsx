'use client';
import { useTransition } from 'react';
import { signOut } from './actions';
import { forgetDeviceData } from '../pwa/device-store';

/** Signing out also forgets the tickets and pages kept on this device for offline use. */
export function SignOutButton() {
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      className="bt-btn bt-btn-sm bt-btn-outlined"
      disabled={pending}
      onClick={() =>
        start(async () => {
          await forgetDeviceData();
          await signOut();
        })
      }
    >
      Sign out
    </button>
  );
}
