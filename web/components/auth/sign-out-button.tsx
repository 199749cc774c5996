'use client';
import Button from '@mui/material/Button';
import { useTransition } from 'react';
import { signOut } from './actions';
import { forgetDeviceData } from '../pwa/device-store';

/** Signing out also forgets the tickets and pages kept on this device for offline use. */
export function SignOutButton() {
  const [pending, start] = useTransition();
  return (
    <Button
      color="inherit"
      variant="outlined"
      size="small"
      disabled={pending}
      onClick={() =>
        start(async () => {
          await forgetDeviceData();
          await signOut();
        })
      }
    >
      Sign out
    </Button>
  );
}
