'use client';
import { useEffect } from 'react';

/** Plain markup so the error boundary works (and looks right) inside and outside the MUI pages. */
export function RouteError({
  error,
  reset,
  what,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  what: string;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const offline = typeof navigator !== 'undefined' && !navigator.onLine;
  return (
    <div className="bt-stack bt-page-msg" role="alert">
      <h1 className="bt-h1" style={{ fontWeight: 400 }}>
        We could not load {what}
      </h1>
      <div className="bt-alert bt-alert-error">
        {offline ? 'You are offline. Reconnect and try again.' : 'Something went wrong on our side. Please try again.'}
        {error.digest && <> (reference {error.digest})</>}
      </div>
      <button type="button" className="bt-btn bt-btn-contained bt-start" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
