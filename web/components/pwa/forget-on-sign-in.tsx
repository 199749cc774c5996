'use client';
import { useEffect } from 'react';
import { forgetDeviceData } from './device-store';

/**
 * On the sign-in and sign-up forms: whoever signs in next starts from a device that keeps nothing
 * of the last person's, even if that person's session ended without signing out.
 */
export function ForgetOnSignIn() {
  useEffect(() => {
    void forgetDeviceData();
  }, []);
  return null;
}
