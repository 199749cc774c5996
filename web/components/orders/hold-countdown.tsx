'use client';
import Alert from '@mui/material/Alert';
import { useEffect, useState } from 'react';

function remaining(expiresAt: string) {
  return Math.max(0, Math.floor((new Date(expiresAt).getTime() - Date.now()) / 1000));
}

export function useSecondsLeft(expiresAt: string): number | null {
  // null until mounted: server and client clocks differ, so the first render shows no number.
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    setLeft(remaining(expiresAt));
    const t = setInterval(() => setLeft(remaining(expiresAt)), 1000);
    return () => clearInterval(t);
  }, [expiresAt]);
  return left;
}

export function HoldCountdown({ expiresAt }: { expiresAt: string }) {
  const left = useSecondsLeft(expiresAt);
  if (left === null) return <Alert severity="info">Your tickets are held for you.</Alert>;
  if (left === 0) {
    return (
      <Alert severity="error" role="alert" data-testid="hold-expired">
        Your hold has expired and the tickets were released. Go back to the event to pick them again.
      </Alert>
    );
  }
  const mm = Math.floor(left / 60);
  const ss = String(left % 60).padStart(2, '0');
  return (
    <Alert severity={left < 120 ? 'warning' : 'info'} data-testid="hold-countdown">
      Tickets held for you for{' '}
      <strong>
        <time dateTime={`PT${mm}M${left % 60}S`}>
          {mm}:{ss}
        </time>
      </strong>
      . Pay before the time runs out.
      {/* Screen readers hear the minute, not every second. */}
      <span className="visually-hidden" aria-live="polite">
        {left % 60 === 0 ? `${mm} minutes left` : ''}
      </span>
    </Alert>
  );
}
