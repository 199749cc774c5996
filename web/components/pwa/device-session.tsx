'use client';
import { useEffect } from 'react';
import { noteSignedInUser } from './device-store';

/**
 * Tells the device store who this page was rendered for, so that what a previous user left on a
 * shared device is forgotten before anything of the new user's is saved (device-store.ts). A page
 * rendered for no one says nothing: the static /offline page looks signed out to everyone.
 */
export function DeviceSession({ userId }: { userId: string }) {
  useEffect(() => {
    void noteSignedInUser(userId);
  }, [userId]);
  return null;
}
